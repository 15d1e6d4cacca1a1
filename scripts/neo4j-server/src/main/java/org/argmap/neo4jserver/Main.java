package org.argmap.neo4jserver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * Main starts a Neo4j Community DBMS embedded in this process, with only the
 * Bolt connector on (127.0.0.1:PORT), authentication on and the user neo4j's
 * password set to the one given, then prints one line
 * "argmap-neo4j-server ready bolt://127.0.0.1:PORT" on stdout. It shuts the DBMS
 * down cleanly on SIGTERM or SIGINT, and also when stdin reaches end of file if
 * --stop-on-eof is given. The data directory is kept: started again on the same
 * directory, the server has the same data (the fault tests restart it so).
 *
 * Usage: Main --home DIR --port N --password P [--pagecache SIZE] [--stop-on-eof]
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path home = Path.of(require(opts, "home")).toAbsolutePath();
        int port = Integer.parseInt(require(opts, "port"));
        String password = require(opts, "password");
        if (password.length() < 8) {
            fail("--password needs 8 characters or more (Neo4j's minimum)");
        }
        long pageCache = ByteUnit.parse(opts.getOrDefault("pagecache", "256m"));
        Files.createDirectories(home);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
        }, "argmap-neo4j-shutdown"));

        try {
            setPassword(dbms, password);
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        } catch (RuntimeException e) {
            // The DBMS's threads would keep the process alive: stop it.
            e.printStackTrace();
            System.exit(1);
        }

        System.out.println("argmap-neo4j-server ready bolt://127.0.0.1:" + port);
        System.out.flush();

        if (opts.containsKey("stop-on-eof")) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() >= 0) {
                        // Discard: only the end of the stream matters.
                    }
                } catch (IOException e) {
                    // A broken stdin means the parent is gone: stop as well.
                }
                System.exit(0);
            }, "argmap-neo4j-stdin");
            watcher.setDaemon(true);
            watcher.start();
        }
        stopped.await();
    }

    /**
     * setPassword sets the password of the user neo4j on the system database.
     * Embedded transactions bypass authentication, and clients are told the
     * server is ready only after this. On a restart with the same data the
     * password may already be the one given, which Neo4j refuses to set again.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            String msg = String.valueOf(e.getMessage());
            if (!msg.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                fail("unexpected argument " + a);
            }
            String name = a.substring(2);
            if (name.equals("stop-on-eof")) {
                opts.put(name, "");
                continue;
            }
            if (i + 1 >= args.length) {
                fail(a + " needs a value");
            }
            opts.put(name, args[++i]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null || v.isEmpty()) {
            fail("--" + name + " is required");
        }
        return v;
    }

    private static void fail(String msg) {
        System.err.println("argmap-neo4j-server: " + msg);
        System.exit(2);
    }
}
