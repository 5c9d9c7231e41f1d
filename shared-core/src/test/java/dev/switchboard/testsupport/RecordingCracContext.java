package dev.switchboard.testsupport;

import org.crac.Context;
import org.crac.Resource;

import java.util.ArrayList;
import java.util.List;

/** A CRaC context that keeps what registers with it and can play a checkpoint and a restore to them. */
public final class RecordingCracContext extends Context<Resource> {

    public final List<Resource> registered = new ArrayList<>();

    @Override
    public void register(Resource resource) {
        registered.add(resource);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws org.crac.CheckpointException {
        for (Resource resource : registered) {
            try {
                resource.beforeCheckpoint(this);
            } catch (Exception e) {
                org.crac.CheckpointException failed = new org.crac.CheckpointException();
                failed.addSuppressed(e);
                throw failed;
            }
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws org.crac.RestoreException {
        for (Resource resource : registered) {
            try {
                resource.afterRestore(this);
            } catch (Exception e) {
                org.crac.RestoreException failed = new org.crac.RestoreException();
                failed.addSuppressed(e);
                throw failed;
            }
        }
    }
}
