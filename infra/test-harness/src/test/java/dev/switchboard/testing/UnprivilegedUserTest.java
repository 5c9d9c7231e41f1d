package dev.switchboard.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnprivilegedUserTest {

    @Test
    void readsIdsFromThePasswordFile(@TempDir Path directory) throws IOException {
        Path passwd = Files.writeString(directory.resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
        assertEquals(new UnprivilegedUser("nobody", 65534, 65534), UnprivilegedUser.lookUp("nobody", passwd));
    }

    @Test
    void explainsAMissingUser(@TempDir Path directory) throws IOException {
        Path passwd = Files.writeString(directory.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> UnprivilegedUser.lookUp("nobody", passwd));
        assertTrue(error.getMessage().contains("non-root user"), error.getMessage());
    }
}
