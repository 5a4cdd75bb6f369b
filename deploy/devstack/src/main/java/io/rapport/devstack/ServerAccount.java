package io.rapport.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who runs initdb and the server. They refuse to run as root, so as root they run as the {@code postgres}
 * account: Debian's, when its postgresql package made one, else one made here the way that package makes it (so
 * installing it later finds what it expects). Not as root, they run as ourselves.
 */
final class ServerAccount {

    static final String NAME = "postgres";

    private static boolean ensured;

    private ServerAccount() {
    }

    /** The command, run as the server's account. */
    static List<String> run(List<String> command) {
        if (!Processes.runningAsRoot()) {
            return command;
        }
        ensureExists();
        List<String> full = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        full.addAll(command);
        return full;
    }

    /** Whether the server's account can reach the path (search its directories; execute it, if a program). */
    static boolean canReach(Path path) {
        if (!Processes.runningAsRoot()) {
            return true;
        }
        try {
            Processes.run(run(List.of("test", "-x", path.toString())), null, 30);
            return true;
        } catch (DevstackException e) {
            return false;
        }
    }

    /** Makes the root-owned directory the server's, so initdb may create its data there. */
    static void own(Path dir) {
        if (Processes.runningAsRoot()) {
            ensureExists();
            Processes.run(List.of("chown", NAME + ":", dir.toString()), null, 30);
        }
    }

    private static synchronized void ensureExists() {
        if (ensured || exists()) {
            ensured = true;
            return;
        }
        try {
            // as Debian's postgresql-common makes it: a system account and group, home not created
            Processes.run(List.of("useradd", "--system", "--user-group", "--home-dir", "/var/lib/postgresql",
                    "--no-create-home", "--shell", "/bin/bash", "--comment", "PostgreSQL administrator", NAME), null, 60);
            System.err.println("devstack: created the system account '" + NAME + "' to run PostgreSQL, which refuses "
                    + "to run as root");
        } catch (DevstackException e) {
            if (!exists()) {
                throw new DevstackException("As root, PostgreSQL must run as another account, and '" + NAME
                        + "' does not exist and could not be created: " + e.getMessage(), e);
            }
            // another JVM created it at the same moment
        }
        ensured = true;
    }

    private static boolean exists() {
        try {
            Processes.run(List.of("id", "-u", NAME), null, 30);
            return true;
        } catch (DevstackException e) {
            return false;
        }
    }
}
