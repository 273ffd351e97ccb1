package dev.orchestrator.chaos;

import dev.orchestrator.chaos.tasks.ChaosTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The daemons' plugins directory: a jar of this module, so that the daemon discovers {@link ChaosTasks} through
 * ServiceLoader as it would any task library. Copied when this module runs from its jar, made from the classes
 * directory when it runs from there (JUnit in {@code make test}).
 */
final class Plugins {

    private Plugins() { }

    static synchronized Path directory(Lab lab) {
        Path dir = lab.home().resolve("chaos/target/chaos-plugins");
        Path jar = dir.resolve("orchestrator-chaos-tasks.jar");
        try {
            Path source = Path.of(ChaosTasks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.createDirectories(dir);
            if (Files.isDirectory(source)) jar(source, jar);
            else Files.copy(source, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
