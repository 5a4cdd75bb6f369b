package io.rapport.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("unit")
class TarXzTest {

    @TempDir
    Path temp;

    @Test
    void shouldUnpackFilesLinksAndModesReadableByEveryone() throws IOException {
        URL archive = archive(List.of(
                directory("bin/", 0700),
                file("bin/postgres", 0700, "#!/bin/sh\n"),
                file("lib/libpq.so.5.17", 0600, "elf"),
                symlink("lib/libpq.so.5", "libpq.so.5.17")));
        Path target = temp.resolve("cache/postgres-1.0");

        assertThat(TarXz.unpackOnce(archive, target)).isEqualTo(target);

        assertThat(Files.readString(target.resolve("lib/libpq.so.5"))).isEqualTo("elf");
        assertThat(Files.readSymbolicLink(target.resolve("lib/libpq.so.5"))).isEqualTo(Path.of("libpq.so.5.17"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("bin/postgres"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("lib/libpq.so.5.17"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("bin"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void shouldKeepTheFirstCopyWhenSeveralUnpackAtOnce() throws Exception {
        URL archive = archive(List.of(file("bin/postgres", 0755, "x".repeat(100_000))));
        Path target = temp.resolve("cache/postgres-1.0");
        int unpackers = 4;
        CountDownLatch ready = new CountDownLatch(unpackers);
        Callable<Path> unpack = () -> {
            ready.countDown();
            ready.await();
            return TarXz.unpackOnce(archive, target);
        };
        ExecutorService pool = Executors.newFixedThreadPool(unpackers);
        try {
            List<Future<Path>> results = pool.invokeAll(List.of(unpack, unpack, unpack, unpack));
            for (Future<Path> result : results) {
                assertThat(result.get()).isEqualTo(target);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.size(target.resolve("bin/postgres"))).isEqualTo(100_000);
        try (Stream<Path> cache = Files.list(target.getParent())) {
            assertThat(cache.map(p -> p.getFileName().toString())).as("no scratch directory is left")
                    .containsExactly("postgres-1.0");
        }
    }

    @Test
    void shouldReuseAnUnpackedCopyWithoutReadingTheArchive() throws IOException {
        Path target = temp.resolve("cache/postgres-1.0");
        TarXz.unpackOnce(archive(List.of(file("bin/postgres", 0755, "first"))), target);

        TarXz.unpackOnce(temp.resolve("missing.txz").toUri().toURL(), target);

        assertThat(Files.readString(target.resolve("bin/postgres"))).isEqualTo("first");
    }

    @Test
    void shouldRefuseEntriesThatLeaveTheTarget() throws IOException {
        Path target = temp.resolve("cache/postgres-1.0");
        assertThatThrownBy(() -> TarXz.unpackOnce(archive(List.of(file("../escaped", 0644, "x"))), target))
                .isInstanceOf(DevstackException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> TarXz.unpackOnce(archive(List.of(symlink("lib/evil", "../../../etc"))), target))
                .isInstanceOf(DevstackException.class).hasMessageContaining("outside");
        assertThat(temp.resolve("cache/escaped")).doesNotExist();
        assertThat(target).doesNotExist();
    }

    @Test
    void shouldNotTrustADirectoryItDidNotFinish() throws IOException {
        Path target = temp.resolve("cache/postgres-1.0");
        Files.createDirectories(target.resolve("bin"));

        assertThatThrownBy(() -> TarXz.unpackOnce(archive(List.of(file("bin/postgres", 0755, "x"))), target))
                .isInstanceOf(DevstackException.class).hasMessageContaining("delete it");
    }

    private record Entry(TarArchiveEntry header, byte[] content) {
    }

    private static Entry directory(String name, int mode) {
        TarArchiveEntry header = new TarArchiveEntry(name);
        header.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | mode);
        return new Entry(header, new byte[0]);
    }

    private static Entry file(String name, int mode, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        // TarArchiveEntry normalises names; a raw header keeps "../" so the refusal can be tested
        TarArchiveEntry header = new TarArchiveEntry(name, true);
        header.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
        header.setSize(content.length);
        return new Entry(header, content);
    }

    private static Entry symlink(String name, String target) {
        TarArchiveEntry header = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        header.setLinkName(target);
        return new Entry(header, new byte[0]);
    }

    private URL archive(List<Entry> entries) throws IOException {
        Path file = Files.createTempFile(temp, "bundle", ".txz");
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(out))) {
            for (Entry entry : entries) {
                tar.putArchiveEntry(entry.header());
                tar.write(entry.content());
                tar.closeArchiveEntry();
            }
        }
        return file.toUri().toURL();
    }
}
