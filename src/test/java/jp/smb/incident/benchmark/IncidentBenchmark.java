package jp.smb.incident.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.smb.incident.ApplicationProcess;
import jp.smb.incident.EmbeddedPostgres;
import jp.smb.incident.HttpTestClient;
import jp.smb.incident.IncidentResponseApplication;
import jp.smb.incident.SmallServer;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./mvnw -Pbenchmark verify}: what one node carries, as ratios against the bare engine measured in the same run.
 * Prints a Markdown table and writes it to {@code target/benchmark/results.md}. Sizes are system properties
 * (see the profile in pom.xml), so a quick run and the full one use the same code.
 */
public final class IncidentBenchmark {

  private final int incidents = Integer.getInteger("benchmark.incidents", 40);
  private final int rounds = Integer.getInteger("benchmark.rounds", 3);
  private final List<String> databases = List.of(System.getProperty("benchmark.databases", "h2,postgres").split(","));
  /** PostgreSQL only on request: its query at 100,000 open incidents would take hours (see BENCHMARKS.md). */
  private final List<String> queryDatabases = List.of(System.getProperty("benchmark.query-databases", "h2").split(","));
  private final List<Integer> openIncidents = Arrays.stream(
      System.getProperty("benchmark.open-incidents", "1000,10000,100000").split(",")).map(Integer::valueOf).toList();
  private final List<String> parts = List.of(
      System.getProperty("benchmark.parts", "decisions,throughput,query,companies,start-up,alerts").split(","));
  /** Alerts measured per poll interval (each from one incident's first task), and the intervals compared. */
  private final int alerts = Integer.getInteger("benchmark.alerts", 250);
  private final List<String> pollIntervals = List.of(
      System.getProperty("benchmark.poll-intervals", "PT5S,PT1S").split(","));
  private final List<String> companyDatabases = List.of(
      System.getProperty("benchmark.company-databases", "h2,postgres").split(","));
  private final List<Integer> companySteps = Arrays.stream(
      System.getProperty("benchmark.companies", "10,100,1000").split(",")).map(Integer::valueOf).toList();
  private final int incidentsPerCompany = Integer.getInteger("benchmark.incidents-per-company", 100);
  /** The engine's own statement for the vendor's desk grows with the square of open tasks: hours at 100,000. */
  private final int engineDeskLimit = Integer.getInteger("benchmark.engine-desk-limit", 10_000);
  private final Path work = Path.of("target", "benchmark");
  private final List<String> rows = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    new IncidentBenchmark().run();
    System.exit(0);
  }

  private void run() throws Exception {
    Files.createDirectories(work);
    row("| measure | ours | baseline | ratio (ours / baseline) |");
    row("|---|---|---|---|");
    if (parts.contains("decisions")) {
      decisions();
    }
    if (parts.contains("throughput")) {
      for (String database : databases) {
        throughput(database.trim());
      }
    }
    if (parts.contains("query")) {
      for (String database : queryDatabases) {
        taskQuery(database.trim());
      }
    }
    if (parts.contains("companies")) {
      for (String database : companyDatabases) {
        companies(database.trim());
      }
    }
    if (parts.contains("start-up")) {
      startUpAndMemory();
    }
    if (parts.contains("alerts")) {
      for (String interval : pollIntervals) {
        alertLatency(interval.trim());
      }
    }
    String table = "Benchmark " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + "\n\n"
        + String.join("\n", rows) + "\n";
    Files.writeString(work.resolve("results.md"), table);
    System.out.println("\n" + table);
  }

  private void row(String row) {
    rows.add(row);
    System.out.println(row);
  }

  // 3. Decisions on the standalone DMN engine.
  private void decisions() throws IOException {
    DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    List<Map<String, Object>> facts = List.of(
        Map.of("incidentType", "ransomware", "personalDataLeaked", "yes", "affectedPersons", 1500,
            "externalPartiesAffected", "yes", "cyberInsured", true),
        Map.of("incidentType", "misdelivery", "personalDataLeaked", "yes", "affectedPersons", 10,
            "businessAffected", "yes"),
        Map.of("incidentType", "system-outage", "employeeWorkAffected", "yes"),
        Map.of("incidentType", "insider", "personalDataLeaked", "yes", "myNumberInvolved", true, "affectedPersons", 150));
    for (String id : List.of("incident-severity", "reporting-obligations")) {
      DmnDecision decision;
      try (InputStream in = Files.newInputStream(Path.of("processes", id + ".dmn"))) {
        decision = dmn.parseDecision(id, in);
      }
      double perSecond = rate(Duration.ofSeconds(2), Duration.ofSeconds(5),
          i -> dmn.evaluateDecision(decision, facts.get(i % facts.size())));
      row("| `%s` evaluations/s (standalone DMN engine) | %.0f | | |".formatted(id, perSecond));
    }
  }

  private interface Step {
    void run(int i) throws Exception;
  }

  private static double rate(Duration warmUp, Duration measure, Step step) {
    try {
      long end = System.nanoTime() + warmUp.toNanos();
      for (int i = 0; System.nanoTime() < end; i++) {
        step.run(i);
      }
      long start = System.nanoTime();
      end = start + measure.toNanos();
      int count = 0;
      while (System.nanoTime() < end) {
        step.run(count++);
      }
      return count / ((System.nanoTime() - start) / 1e9);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // 1. Incidents per second through each procedure, against the bare engine doing as many steps.
  private void throughput(String database) throws Exception {
    Path dir = Files.createTempDirectory(work.toAbsolutePath(), "throughput-" + database + "-");
    Database app = Database.of(database, dir, "app");
    Database bare = Database.of(database, dir, "bare");
    try (ConfigurableApplicationContext context = startApplication(dir, app)) {
      throughputOn(context, app, bare);
    } finally {
      delete(dir);
    }
  }

  private void throughputOn(ConfigurableApplicationContext context, Database app, Database bare) {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    ProcessEngine baselineEngine = bareEngine(bare);
    try {
      for (IncidentScenario ours : List.of(IncidentScenario.threeStage(engine), IncidentScenario.sixStep(engine))) {
        throughputOf(ours, app, baselineEngine);
      }
    } finally {
      baselineEngine.close();
    }
  }

  private void throughputOf(IncidentScenario ours, Database app, ProcessEngine baselineEngine) {
    ours.run(); // learns the steps the baseline repeats
    Baseline baseline = new Baseline(baselineEngine, ours.steps());
    List<Double> oursRates = new ArrayList<>();
    List<Double> baselineRates = new ArrayList<>();
    warmUp(ours::run, baseline::run);
    for (int round = 0; round < rounds; round++) {
      oursRates.add(perSecond(ours::run));
      baselineRates.add(perSecond(baseline::run));
    }
    double oursMedian = median(oursRates);
    double baselineMedian = median(baselineRates);
    long oursActivities = ours.activityInstances();
    long baselineActivities = baseline.activityInstances();
    row("| incidents/s, %s (%d user tasks, decisions, record), %s | %.1f | %.1f | **%.2f×** |"
        .formatted(ours.name(), ours.steps().size(), app.label(), oursMedian, baselineMedian,
            oursMedian / baselineMedian));
    row("| activities executed per incident (engine work), %s, %s | %d | %d | %.1f× |"
        .formatted(ours.name(), app.label(), oursActivities, baselineActivities,
            (double) oursActivities / baselineActivities));
    row("| activities/s (throughput per unit of engine work), %s, %s | %.0f | %.0f | **%.2f×** |"
        .formatted(ours.name(), app.label(), oursMedian * oursActivities, baselineMedian * baselineActivities,
            oursMedian * oursActivities / (baselineMedian * baselineActivities)));
  }

  private void warmUp(Runnable... scenarios) {
    for (int i = 0; i < Math.max(10, incidents / 2); i++) {
      for (Runnable scenario : scenarios) {
        scenario.run();
      }
    }
  }

  private double perSecond(Runnable scenario) {
    long start = System.nanoTime();
    for (int i = 0; i < incidents; i++) {
      scenario.run();
    }
    return incidents / ((System.nanoTime() - start) / 1e9);
  }

  /** The H2 file of 100,000 incidents grows to tens of gigabytes before compaction: never leave one behind. */
  private static void delete(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  static long sizeMegabytes(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum() / (1024 * 1024);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private ConfigurableApplicationContext startApplication(Path dir, Database database, String... extra) {
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--incident.data-dir=" + dir,
        "--spring.autoconfigure.exclude=" + ApplicationProcess.COVERAGE_AUTO_CONFIGURATION,
        "--spring.jmx.enabled=false",
        // Asynchronous steps run inline in the benchmark thread, as in the process tests.
        "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=WARN",
        "--spring.main.banner-mode=off",
        "--spring.datasource.url=" + database.url(),
        "--spring.datasource.username=" + database.user(),
        "--spring.datasource.password=" + database.password(),
        "--spring.profiles.active=demo" + (database.postgres() ? ",postgres" : "")));
    arguments.addAll(List.of(extra));
    return new SpringApplicationBuilder(IncidentResponseApplication.class).run(arguments.toArray(String[]::new));
  }

  /** The engine alone, the baseline of BENCHMARKS.md: no Spring, no plugins, history FULL. */
  private static ProcessEngine bareEngine(Database database) {
    return ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setProcessEngineName("baseline")
        .setJdbcUrl(database.url())
        .setJdbcUsername(database.user())
        .setJdbcPassword(database.password())
        .setJdbcDriver(database.postgres() ? "org.postgresql.Driver" : "org.h2.Driver")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false)
        .buildProcessEngine();
  }

  /** The same user tasks with the same form values, one after another; no decision, listener or record. */
  private static final class Baseline {
    private final ProcessEngine engine;
    private final List<Map<String, Object>> steps;

    Baseline(ProcessEngine engine, List<Map<String, Object>> steps) {
      this.engine = engine;
      // The bare engine has no Spin: a checklist's Json is kept as the same text.
      this.steps = steps.stream().map(values -> values.entrySet().stream().collect(java.util.stream.Collectors.toMap(
          Map.Entry::getKey, entry -> entry.getValue() instanceof org.camunda.spin.plugin.variable.value.JsonValue json
              ? json.getValueSerialized() : entry.getValue()))).toList();
      AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("baseline").camundaHistoryTimeToLive(1825)
          .startEvent();
      for (int i = 0; i < steps.size(); i++) {
        flow = flow.userTask("Task_" + i).camundaCandidateGroups("incident-lead");
      }
      engine.getRepositoryService().createDeployment()
          .addModelInstance("baseline.bpmn", flow.endEvent().done()).deploy();
    }

    private String lastId;

    long activityInstances() {
      return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(lastId).count();
    }

    void run() {
      String id = engine.getRuntimeService().startProcessInstanceByKey("baseline").getId();
      lastId = id;
      for (Map<String, Object> values : steps) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
        engine.getTaskService().complete(task.getId(), values);
      }
    }
  }

  // 2. The query Tasklist runs for a role, as open incidents grow.
  private void taskQuery(String database) throws Exception {
    Path dir = Files.createTempDirectory(work.toAbsolutePath(), "task-query-");
    Database db = Database.of(database, dir, "query");
    // H2 would otherwise answer a repeated query from its result cache, which no real Tasklist sees.
    String[] extra = db.postgres() ? new String[0]
        : new String[] {"--spring.datasource.hikari.connection-init-sql=SET OPTIMIZE_REUSE_RESULTS 0"};
    try (ConfigurableApplicationContext context = startApplication(dir, db, extra)) {
      taskQueryOn(context, dir, db.label());
    } finally {
      delete(dir);
    }
  }

  private void taskQueryOn(ConfigurableApplicationContext context, Path dir, String label) throws Exception {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    AtomicInteger open = new AtomicInteger();
    Double firstP50 = null;
    for (int target : openIncidents) {
      long seeding = System.nanoTime();
      int before = Math.max(0, open.get());
      openIncidents(engine, open, target);
      analyze(context.getBean(javax.sql.DataSource.class));
      System.out.printf("%s: opened %,d incidents in %.0f s; data directory now %,d MB%n", label, target - before,
          (System.nanoTime() - seeding) / 1e9, sizeMegabytes(dir));
      long[][] asLead = sample(engine, true);
      double p50 = percentile(asLead[0], 50);
      firstP50 = firstP50 == null ? p50 : firstP50;
      row("| Tasklist group query as `demo-lead`, %s, %,d open incidents: list p50 / p95 ms (count p50 / p95) | %.1f / %.1f (%.1f / %.1f) | | %s |"
          .formatted(label, target, p50, percentile(asLead[0], 95), percentile(asLead[1], 50), percentile(asLead[1], 95),
              target == openIncidents.get(0) ? "" : "**%.1f×** the first size".formatted(p50 / firstP50)));
      long[][] unchecked = sample(engine, false);
      row("| same query without authorization checks, %s, %,d open incidents: list p50 / p95 ms (count p50 / p95) | %.1f / %.1f (%.1f / %.1f) | | |"
          .formatted(label, target, percentile(unchecked[0], 50), percentile(unchecked[0], 95),
              percentile(unchecked[1], 50), percentile(unchecked[1], 95)));
    }

  }

  /**
   * Tasklist's first page and count for the incident lead's group: up to 200 samples after 3 to warm up, or as
   * many as fit in a minute (at least 5) when each takes long. Returns list and count times in nanoseconds.
   */
  private static long[][] sample(ProcessEngine engine, boolean asLead) {
    long[] list = new long[200];
    long[] count = new long[200];
    int samples = 0;
    long budget = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    if (asLead) {
      engine.getIdentityService().setAuthentication("demo-lead", List.of("incident-lead"));
    }
    try {
      for (int i = -3; i < list.length && (i < 5 || System.nanoTime() < budget); i++) {
        long start = System.nanoTime();
        List<Task> page = engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of("incident-lead"))
            .includeAssignedTasks().orderByTaskCreateTime().desc().listPage(0, 15);
        long listed = System.nanoTime();
        engine.getTaskService().createTaskQuery().taskCandidateGroupIn(List.of("incident-lead"))
            .includeAssignedTasks().count();
        if (i >= 0) {
          list[i] = listed - start;
          count[i] = System.nanoTime() - listed;
          samples = i + 1;
        }
        if (page.size() != 15) {
          throw new IllegalStateException("expected a full first page, got " + page.size());
        }
      }
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return new long[][] {Arrays.copyOf(list, samples), Arrays.copyOf(count, samples)};
  }

  /** Reports incidents through the real start (number, record, timeline) until {@code target} wait for triage. */
  private static void openIncidents(ProcessEngine engine, AtomicInteger open, int target) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        work.add(threads.submit(() -> {
          while (open.getAndIncrement() < target) {
            engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response", Map.of(
                "incidentTitle", "ベンチマーク", "incidentType", "malware", "eventDescription", "不審な添付ファイル",
                "detectedAt", "2026-11-24T09:30+09:00", "reportSource", "internal"));
          }
          open.decrementAndGet();
          return null;
        }));
      }
      for (Future<?> future : work) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }
  }

  /**
   * Fresh planner statistics after seeding, as a running installation has them (H2 and PostgreSQL gather them
   * after enough changes): otherwise the first size is measured with the plan for an empty table.
   */
  static void analyze(javax.sql.DataSource dataSource) throws java.sql.SQLException {
    try (java.sql.Connection connection = dataSource.getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    }
  }

  static double percentile(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
  }

  // 5. Many client companies: one company's lead and the vendor's desk in Tasklist, ours beside the engine's own.
  private void companies(String database) throws Exception {
    Path dir = Files.createTempDirectory(work.toAbsolutePath(), "companies-" + database + "-");
    Database db = Database.of(database, dir, "companies");
    String[] extra = db.postgres() ? new String[0]
        : new String[] {"--spring.datasource.hikari.connection-init-sql=SET OPTIMIZE_REUSE_RESULTS 0"};
    try (ConfigurableApplicationContext context = startApplication(dir, db, extra)) {
      new CompanyBenchmark(context, db.label(), db.postgres(), work, dir, this::row,
          incidentsPerCompany, engineDeskLimit).run(companySteps);
    } finally {
      delete(dir);
    }
  }

  // 4. Start-up until Tasklist answers, and memory after start and under load, of `java` running the application.
  private void startUpAndMemory() throws Exception {
    Path dir = Files.createTempDirectory(work.toAbsolutePath(), "start-up-");
    try {
      startUpAndMemoryIn(dir);
    } finally {
      delete(dir);
    }
  }

  private void startUpAndMemoryIn(Path dir) throws Exception {
    List<String> small = SmallServer.jvmOptions();
    // As measured before 2026-12-05 (the tests' JVM), as a user starts it with nothing set, and the small server's.
    startUpAndMemoryOf("the tests' JVM (-Xmx512m, C1 only)", ApplicationProcess.TEST_JVM, dir.resolve("tests"));
    startUpAndMemoryOf("JVM defaults", List.of(), dir.resolve("defaults"));
    startUpAndMemoryOf("small server (small-server.options, profile small)", small, dir.resolve("small"),
        "--spring.profiles.active=demo,small");
    startUpWithClassArchive(dir);
  }

  /**
   * The small server as the operators' guide starts it faster: the jar extracted, the classes it loads recorded once
   * in a CDS archive (in a scratch directory), then started twice with the archive.
   */
  private void startUpWithClassArchive(Path dir) throws Exception {
    Path log = work.resolve("start-up.log");
    Path app = SmallServer.extract(SmallServer.packagedJar(), dir.resolve("app"), log);
    Path archive = dir.resolve("incident-response.jsa");
    SmallServer.recordArchive(app, archive, dir.resolve("training"), log);
    List<String> withArchive = SmallServer.jvmOptionsWith(archive);
    String[] arguments = {"--incident.data-dir=" + dir.resolve("cds"), "--spring.profiles.active=demo,small"};
    Duration first;
    try (ApplicationProcess application = ApplicationProcess.startJar(withArchive, app, log, "/camunda/app/tasklist/",
        arguments)) {
      first = application.startUp();
    }
    try (ApplicationProcess application = ApplicationProcess.startJar(withArchive, app, log, "/camunda/app/tasklist/",
        arguments)) {
      row("| start-up until Tasklist answers, s (first start / later start), small server with a CDS archive"
          + " (extracted jar) | %.1f / %.1f | | |".formatted(first.toMillis() / 1000.0,
          application.startUp().toMillis() / 1000.0));
      row("| memory (RSS), MB: after start, small server with a CDS archive | %d | | |"
          .formatted(rssMegabytes(application.pid())));
    }
  }

  private void startUpAndMemoryOf(String label, List<String> jvm, Path dir, String... profile) throws Exception {
    String[] arguments = {"--incident.data-dir=" + dir,
        profile.length > 0 ? profile[0] : "--spring.profiles.active=demo"};
    Path log = work.resolve("start-up.log");
    Duration first;
    try (ApplicationProcess application = ApplicationProcess.startWith(jvm, log, "/camunda/app/tasklist/", arguments)) {
      first = application.startUp();
    }
    try (ApplicationProcess application = ApplicationProcess.startWith(jvm, log, "/camunda/app/tasklist/", arguments)) {
      long afterStart = rssMegabytes(application.pid());
      long started = System.nanoTime();
      load(application.http(), 300);
      double perSecond = 300 / ((System.nanoTime() - started) / 1e9);
      long underLoad = rssMegabytes(application.pid());
      row("| start-up until Tasklist answers, s (first start / later start), %s | %.1f / %.1f | | |"
          .formatted(label, first.toMillis() / 1000.0, application.startUp().toMillis() / 1000.0));
      row("| memory (RSS), MB: after start / after 300 incidents over HTTP, %s | %d / %d | | |"
          .formatted(label, afterStart, underLoad));
      row("| incidents reported over HTTP per s (300, two clients), %s | %.1f | | |".formatted(label, perSecond));
    }
  }

  // 6. Alert latency: task created → mail accepted by a real SMTP server, while incidents keep coming.
  private void alertLatency(String pollInterval) throws Exception {
    Path dir = Files.createTempDirectory(work.toAbsolutePath(), "alerts-");
    int port = HttpTestClient.freePort();
    GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    try (ApplicationProcess application = ApplicationProcess.start(work.resolve("alerts.log"),
        "--incident.data-dir=" + dir, "--spring.profiles.active=demo", "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + port, "--incident.notification.poll-interval=" + pollInterval)) {
      AlertLatency.Result result = AlertLatency.measure(application.http(), mail, alerts);
      row("| alert latency, task created → mail accepted (GreenMail), poll interval %s, %d alerts while %.1f incidents/s"
          .formatted(pollInterval, result.alerts(), result.incidentsPerSecond())
          + " came in: p50 / p95, s | %.1f / %.1f | | |".formatted(result.p50Millis() / 1000, result.p95Millis() / 1000));
    } finally {
      mail.stop();
      delete(dir);
    }
  }

  private static void load(HttpTestClient http, int count) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> work = new ArrayList<>();
      AtomicInteger left = new AtomicInteger(count);
      for (int t = 0; t < 2; t++) {
        work.add(threads.submit(() -> {
          while (left.getAndDecrement() > 0) {
            HttpResponse<String> created = http.postJson("/api/incidents", "demo-staff", "Renshu-2026!",
                "{\"title\": \"負荷\", \"incidentType\": \"malware\", \"eventDescription\": \"不審な添付\"}");
            if (created.statusCode() != 201) {
              throw new IllegalStateException(created.body());
            }
            http.get("/engine-rest/task?candidateGroup=incident-lead&maxResults=15", "demo-lead", "Renshu-2026!");
          }
          return null;
        }));
      }
      for (Future<?> future : work) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }
  }

  private static long rssMegabytes(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
        .findFirst().orElse(-1L);
  }

  /** Where a measured engine keeps its data: an H2 file as the default, or a database on embedded PostgreSQL. */
  private record Database(String label, String url, String user, String password, boolean postgres) {
    static Database of(String kind, Path dir, String name) {
      if (kind.equals("postgres")) {
        return new Database("PostgreSQL", EmbeddedPostgres.freshDatabase("bench_" + name), "postgres", "postgres",
            true);
      }
      // The product's settings: its H2FileHousekeeping keeps the file of 100,000 incidents near 16 GB.
      return new Database("H2 file", "jdbc:h2:file:" + dir.toAbsolutePath().resolve(name)
          + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "sa", "", false);
    }
  }
}
