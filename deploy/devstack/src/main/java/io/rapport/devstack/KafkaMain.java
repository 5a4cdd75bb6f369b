package io.rapport.devstack;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the Kafka broker's child JVM. It formats the storage on first use, then runs
 * {@code kafka.Kafka}, and exits (Kafka's own shutdown hook stops the broker cleanly) as soon as its stdin
 * closes: the parent closes it to stop the broker, and the operating system closes it when the parent dies,
 * so no broker outlives the JVM that started it.
 *
 * <p>
 * Broker classes are reached by reflection because they are only on the child's classpath.
 */
public final class KafkaMain {

    private KafkaMain() {
    }

    /** Arguments: {@code <server.properties> <cluster id> <format:true|false>}. */
    public static void main(String[] args) throws Exception {
        String properties = args[0];
        if (Boolean.parseBoolean(args[2])) {
            int code = (int) Class.forName("kafka.tools.StorageTool")
                    .getMethod("execute", String[].class, java.io.PrintStream.class)
                    .invoke(null, new String[] { "format", "-t", args[1], "-c", properties }, System.out);
            if (code != 0) {
                System.err.println("kafka storage format failed with " + code);
                System.exit(code);
            }
        }
        Thread watchdog = new Thread(KafkaMain::exitWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) new String[] { properties });
    }

    private static void exitWhenParentGoes() {
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // nothing is ever sent: we only wait for end of stream
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end of stream
        }
        System.exit(0);
    }
}
