package org.switchboard.core.history.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.UUID;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.history.HistoryStore;
import org.switchboard.core.history.SearchQuery;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.Direction;
import org.switchboard.protocol.model.MessageId;
import org.switchboard.protocol.model.MessageStatus;

/**
 * End-to-end figures for the history on a generated million messages: batched insert
 * throughput, opening a conversation (last 200), full-text search for 20 fixed queries, the
 * open-time integrity check, and the database size. Not a test; run it by hand:
 *
 * <pre>mvn -q -pl app/core exec:java -Dexec.classpathScope=test
 *     -Dexec.mainClass=org.switchboard.core.history.bench.HistoryBenchmark [-Dexec.args="1000000 DIR"]</pre>
 *
 * <p>{@code -Dbatch=N} (in {@code MAVEN_OPTS}) changes the insert batch from 10,000 messages.
 */
public final class HistoryBenchmark {

    static final List<String> QUERIES = List.of(
            // common English
            "meeting", "thanks", "tomorrow", "coffee", "project deadline",
            // rare English
            "kubernetes", "invoice", "zeppelin",
            // Simplified Chinese, two characters and longer
            "开会", "项目", "明天", "我们", "数据库迁移",
            // Traditional Chinese, two characters and longer
            "通訊", "資料", "即時通訊", "伺服器",
            // rare Chinese, mixed, accented
            "麒麟", "release 版本", "café");

    private HistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("history-bench");
        Path file = dir.resolve("history.db");
        Files.deleteIfExists(file);
        MessageGenerator generator = new MessageGenerator(new Random(20_240_611L), 200);
        System.out.printf("History benchmark: %,d messages, %d conversations, %s%n", total, 200, file);

        int batch = Integer.getInteger("batch", 10_000);
        // As JMH does, the JVM is warmed up first, on a history of its own: the JIT compiler
        // otherwise spends a sixth of the measured CPU compiling the write path. That run's
        // figure is printed too, as the first minutes of a new JVM see it.
        int warmup = Integer.getInteger("warmup", 200_000);
        if (warmup > 0) {
            Path warmupDir = Files.createTempDirectory(dir, "warmup");
            System.out.printf("warm-up, a separate history of %,d messages in a new JVM:%n", warmup);
            insert(new MessageGenerator(new Random(7L), 200), warmup, batch, warmupDir.resolve("history.db"));
            deleteTree(warmupDir);
            System.out.println("measured:");
        }
        insert(generator, total, batch, file);

        long openStart = System.nanoTime();
        try (HistoryStore store = HistoryStore.open(file)) {
            System.out.printf("open database incl. quick_check: %.0f ms%n", (System.nanoTime() - openStart) / 1e6);
            // Measured once the work started in the background at open is done (it shares the two cores).
            long background = System.nanoTime();
            store.startupWork().join();
            System.out.printf("background work after open (filter of de-duplication keys): %.0f ms more%n",
                    (System.nanoTime() - background) / 1e6);
            long[] open = new long[400];
            for (int i = 0; i < open.length + 50; i++) {
                ConversationId c = generator.conversation(i % 200);
                long t = System.nanoTime();
                store.recent(c, 200).join();
                if (i >= 50) {
                    open[i - 50] = System.nanoTime() - t;
                }
            }
            System.out.printf("open conversation (last 200): p50 %.2f ms, p95 %.2f ms   [goal <= 5 ms]%n",
                    pct(open, 50), pct(open, 95));

            List<Long> all = new ArrayList<>();
            for (String q : QUERIES) {
                for (int w = 0; w < 3; w++) {
                    store.search(SearchQuery.of(q).limit(50)).join();
                }
                long[] t = new long[25];
                int hits = 0;
                for (int i = 0; i < t.length; i++) {
                    long s = System.nanoTime();
                    hits = store.search(SearchQuery.of(q).limit(50)).join().size();
                    t[i] = System.nanoTime() - s;
                    all.add(t[i]);
                }
                System.out.printf("  search %-16s hits %3d  p50 %6.2f ms  p95 %6.2f ms%n", q, hits, pct(t, 50), pct(t, 95));
            }
            long[] every = all.stream().mapToLong(Long::longValue).toArray();
            System.out.printf("search, all 20 queries (limit 50, newest first): p50 %.2f ms, p95 %.2f ms   [goal p95 <= 20 ms]%n",
                    pct(every, 50), pct(every, 95));
        }
        long size = 0;
        for (String name : List.of("history.db", "history-search.db")) {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path f = dir.resolve(name + suffix);
                size += Files.exists(f) ? Files.size(f) : 0;
            }
        }
        System.out.printf("database size (history and its search index): %,.1f MB (%.0f bytes/message)%n", size / 1e6, (double) size / total);
    }

    /** Stores {@code total} messages in a new history and prints how fast, until all of them are searchable. */
    private static void insert(MessageGenerator generator, int total, int batch, Path file) throws Exception {
        long insertNanos;
        // Made up before the clock starts: making them meanwhile would give the index thread free time.
        List<List<StoredMessage>> batches = new ArrayList<>();
        for (int done = 0; done < total; done += batch) {
            batches.add(generator.next(Math.min(batch, total - done)));
        }
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try (HistoryStore store = HistoryStore.open(file)) {
            store.startupWork().join();
            Map<String, Long> threadCpu = threadCpu();
            Map<String, Long> nativeCpu = nativeThreadCpu();
            long processCpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (List<StoredMessage> messages : batches) {
                store.addAll(messages).join();
            }
            long stored = System.nanoTime();
            // The index is written behind the history: counted until the last message is searchable.
            store.flushSearchIndex().join();
            long end = System.nanoTime();
            insertNanos = end - start;
            System.out.printf("stored in %,.0f ms, then the index caught up in %,.0f ms%n", (stored - start) / 1e6, (end - stored) / 1e6);
            // Every thread's CPU: writer, index, checkpoints, JIT, GC, and this one waiting.
            System.out.printf("CPU for storing and indexing: %.1f µs per message, on %d cores%n",
                    (os.getProcessCpuTime() - processCpu) / 1e3 / total, Runtime.getRuntime().availableProcessors());
            threadCpu().forEach((name, nanos) -> {
                long spent = nanos - threadCpu.getOrDefault(name, 0L);
                if (spent > total * 100L) {
                    System.out.printf("  %-40s %5.1f µs per message%n", name, spent / 1e3 / total);
                }
            });
            // The JVM's own threads (collector, compiler) are not Java threads; Linux counts them.
            nativeThreadCpu().forEach((name, nanos) -> {
                long spent = nanos - nativeCpu.getOrDefault(name, 0L);
                if (spent > total * 100L && !name.startsWith("switchboard-")) {
                    System.out.printf("  %-40s %5.1f µs per message (JVM)%n", name, spent / 1e3 / total);
                }
            });
        }
        System.out.printf("  insert (batches of %,d, until searchable): %,.0f messages/s   [goal >= 100,000]%n",
                batch, total / (insertNanos / 1e9));
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** CPU time by thread name (threads of one name summed), of the threads alive now. */
    private static Map<String, Long> threadCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long nanos = threads.getThreadCpuTime(t.threadId());
            if (nanos > 0) {
                cpu.merge(t.getName().replaceAll("[0-9]+$", "#"), nanos, Long::sum);
            }
        }
        return cpu;
    }

    /**
     * CPU time by thread name as Linux counts it (to 10 ms), threads of one kind summed; empty
     * where there is no /proc. Names are cut to 15 characters there.
     */
    private static Map<String, Long> nativeThreadCpu() {
        Map<String, Long> cpu = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return cpu;
        }
        try (var dirs = Files.list(tasks)) {
            for (Path task : dirs.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+$", "#");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // utime and stime, the 14th and 15th fields, in clock ticks of 10 ms.
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    cpu.merge(name, ticks * 10_000_000L, Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            }
        } catch (java.io.IOException e) {
            return cpu;
        }
        return cpu;
    }

    static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** Seeded, so every run writes the same history. */
    static final class MessageGenerator {
        private static final String[] EN = ("the a to and you I it is for on that this we can be with have "
                + "meeting tomorrow thanks please okay sure yes no maybe later today tonight weekend lunch coffee "
                + "project deadline review code release server database design report budget plan call ticket "
                + "travel train flight hotel photo video music movie game team office home work email update "
                + "fixed broken build test deploy merge branch version issue bug feature idea question answer "
                + "great good nice cool awesome sorry late early busy free morning evening night week month year "
                + "client customer price order delivery package address phone number document slides notes").split(" ");
        private static final String[] RARE_EN = {"kubernetes", "invoice", "zeppelin", "café", "naïve"};
        private static final String ZH_S = "我们你他她的是了在有和不这个人们来到时大地为子中说生国年着就那要下以会可也"
                + "开会项目明天今天下午晚上数据库迁移版本发布测试问题没有时间好的谢谢朋友吃饭咖啡周末旅行";
        private static final String ZH_T = "我們你他她的是了在有和不這個人們來到時大地為子中說生國年著就那要下以會可也"
                + "即時通訊軟體資料庫伺服器測試發佈問題沒有時間好的謝謝朋友吃飯咖啡週末旅行";
        private static final String[] ZH_WORDS = {"开会", "项目", "明天", "我们", "数据库迁移", "通訊", "資料",
            "即時通訊", "伺服器", "版本"};

        /**
         * With {@code -Dnetwork.ids=true} incoming messages carry the server's id, as those fetched
         * from an XMPP archive do; by default none does, as on IRC.
         */
        private static final boolean NETWORK_IDS = Boolean.getBoolean("network.ids");

        private final Random random;
        private final List<ConversationId> conversations = new ArrayList<>();
        private long time = Instant.parse("2019-01-01T00:00:00Z").toEpochMilli();

        MessageGenerator(Random random, int count) {
            this.random = random;
            for (int i = 0; i < count; i++) {
                AccountId account = new AccountId("account-" + (i % 4));
                conversations.add(new ConversationId(new ContactAddress(account, "peer-" + i)));
            }
        }

        ConversationId conversation(int i) {
            return conversations.get(i);
        }

        List<StoredMessage> next(int n) {
            List<StoredMessage> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                time += 1 + random.nextInt(120_000);
                // A few busy conversations and a long tail, as people's history looks.
                int c = (int) Math.min(199, Math.abs(random.nextGaussian() * 60));
                boolean out = random.nextBoolean();
                batch.add(new StoredMessage(0, conversations.get(c),
                        new MessageId(new UUID(random.nextLong(), random.nextLong()).toString(),
                                NETWORK_IDS && !out ? Long.toHexString(random.nextLong()) : null),
                        out ? Direction.OUTGOING : Direction.INCOMING, body(), Instant.ofEpochMilli(time),
                        out ? MessageStatus.DELIVERED : MessageStatus.READ, null));
            }
            return batch;
        }

        private String body() {
            int kind = random.nextInt(10);
            if (kind < 6) {
                return english(1 + (int) Math.min(60, Math.abs(random.nextGaussian() * 12)));
            }
            if (kind < 9) {
                return chinese(kind == 8 ? ZH_T : ZH_S, 2 + (int) Math.min(120, Math.abs(random.nextGaussian() * 20)));
            }
            return english(1 + random.nextInt(8)) + " " + chinese(random.nextBoolean() ? ZH_S : ZH_T,
                    2 + random.nextInt(20)) + (random.nextInt(20) == 0 ? " release 版本" : "");
        }

        private String english(int words) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < words; i++) {
                if (i > 0) {
                    b.append(' ');
                }
                if (random.nextInt(2000) == 0) {
                    b.append(RARE_EN[random.nextInt(RARE_EN.length)]);
                } else {
                    // Zipf-like: small indices far more often.
                    double u = random.nextDouble();
                    b.append(EN[(int) (EN.length * u * u * u)]);
                }
            }
            return b.toString();
        }

        private String chinese(String alphabet, int chars) {
            StringBuilder b = new StringBuilder();
            while (b.length() < chars) {
                if (random.nextInt(12) == 0) {
                    b.append(ZH_WORDS[random.nextInt(ZH_WORDS.length)]);
                } else if (random.nextInt(50_000) == 0) {
                    b.append("麒麟");
                } else {
                    double u = random.nextDouble();
                    b.append(alphabet.charAt((int) (alphabet.length() * u * u)));
                }
                if (random.nextInt(15) == 0) {
                    b.append('，');
                }
            }
            return b.toString();
        }
    }
}
