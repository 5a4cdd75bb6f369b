package io.rapport.devstack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks an xz-compressed tar once into a cache directory that several JVMs may fill at the same moment: each
 * unpacks into a scratch directory beside the target and renames it into place, which is atomic, so a reader sees
 * either no copy or a whole one. Everything unpacked is readable by every account (the server may run as another
 * one than ours).
 */
final class TarXz {

    /** Written last into a finished copy; a target without it is not one of ours. */
    static final String COMPLETE = ".unpacked";

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    private TarXz() {
    }

    /** The target, unpacked from the archive unless a whole copy is there already. */
    static Path unpackOnce(URL archive, Path target) {
        if (complete(target)) {
            return target;
        }
        Path scratch = null;
        try {
            createReadableDirectories(target.getParent());
            requireNoForeignCopy(target);
            scratch = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
            extract(archive, scratch);
            Files.writeString(scratch.resolve(COMPLETE), archive + "\n");
            Files.setPosixFilePermissions(scratch, DIRECTORY);
            publish(scratch, target);
            return target;
        } catch (IOException e) {
            throw new DevstackException("Cannot unpack " + archive + " into " + target + ": " + e, e);
        } finally {
            deleteTree(scratch);
        }
    }

    static boolean complete(Path target) {
        return Files.isRegularFile(target.resolve(COMPLETE));
    }

    /** Another JVM may have published its copy since we looked: then keep that one and drop ours. */
    private static void publish(Path scratch, Path target) throws IOException {
        try {
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!complete(target)) {
                throw e;
            }
        }
    }

    /** A directory we did not publish (damaged, or made by hand) would make every rename fail: say so plainly. */
    private static void requireNoForeignCopy(Path target) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !complete(target)) {
            throw new IOException(target + " exists but is not a finished unpack (it has no " + COMPLETE
                    + "); delete it and start again");
        }
    }

    private static void extract(URL archive, Path root) throws IOException {
        try (InputStream raw = archive.openStream();
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new XZCompressorInputStream(new BufferedInputStream(raw, 1 << 16)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = inside(root, entry.getName());
                if (entry.isDirectory()) {
                    createReadableDirectories(path);
                    continue;
                }
                createReadableDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, linkWithin(root, path, entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, inside(root, entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, readableByAll(entry.getMode()));
                }
                // devices and pipes have no place in a bundle of programs: skipped
            }
        }
    }

    /** An entry's path under the root; a name that climbs out of it ({@code ../}, absolute) is refused. */
    private static Path inside(Path root, String name) throws IOException {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("The archive entry " + name + " points outside the directory it unpacks into");
        }
        return path;
    }

    /** A symbolic link may only point at something inside the unpacked tree, or later entries could escape it. */
    private static Path linkWithin(Path root, Path link, String target) throws IOException {
        Path relative = Path.of(target);
        if (relative.isAbsolute() || !link.getParent().resolve(relative).normalize().startsWith(root)) {
            throw new IOException("The archive's link " + root.relativize(link) + " -> " + target
                    + " points outside the directory it unpacks into");
        }
        return relative;
    }

    /** The entry's mode, plus read for everyone (and execute wherever anyone may execute). */
    static Set<PosixFilePermission> readableByAll(int mode) {
        int readable = (mode & 0777) | 0444;
        if ((mode & 0111) != 0) {
            readable |= 0111;
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        // PosixFilePermission's order is owner r/w/x, group r/w/x, others r/w/x: bit 8 down to bit 0
        List<PosixFilePermission> bits = List.of(PosixFilePermission.values());
        for (int i = 0; i < bits.size(); i++) {
            if ((readable & (1 << (8 - i))) != 0) {
                permissions.add(bits.get(i));
            }
        }
        return permissions;
    }

    /** Like {@link Files#createDirectories}, but each new directory is rwxr-xr-x whatever the umask says. */
    private static void createReadableDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createReadableDirectories(dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            return; // made by another JVM meanwhile
        }
        Files.setPosixFilePermissions(dir, DIRECTORY);
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("devstack: could not delete the scratch directory " + dir + ": " + e.getMessage());
        }
    }
}
