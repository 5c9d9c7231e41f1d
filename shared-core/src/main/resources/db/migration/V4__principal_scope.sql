-- Analytics read one principal's rows for a virtual key (the admin reads everyone's): these indexes
-- keep that read to the principal's own rows in the period, not every row of the period.
-- Portable SQL: runs on H2 (MODE=PostgreSQL) locally and on PostgreSQL.
CREATE INDEX request_log_principal_created_at ON request_log (principal, created_at);
CREATE INDEX feedback_principal_created_at ON feedback (principal, created_at);
