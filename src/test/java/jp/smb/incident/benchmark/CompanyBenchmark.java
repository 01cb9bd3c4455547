package jp.smb.incident.benchmark;

import static jp.smb.incident.benchmark.IncidentBenchmark.percentile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.smb.incident.company.Company;
import jp.smb.incident.company.CompanyService;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.reflection.MetaObject;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tasklist for an IT vendor's installation: 100 open incidents per client company, from 10 companies to 1,000.
 * Measured as Tasklist runs them, through the saved filters: one company's incident lead (its role filter) and
 * the vendor's support desk, incident lead in every company (the filter of all tasks), each the first page of 15
 * newest and the count. Ours beside the engine's own task statement on the same data, and the plans of both.
 */
final class CompanyBenchmark {

  private static final String LEAD_FILTER = "担当グループのタスク";
  private static final String ALL_FILTER = "すべての対応タスク（監督）";

  private final ProcessEngine engine;
  private final ProcessEngineConfigurationImpl configuration;
  private final CompanyService companies;
  private final DataSource dataSource;
  private final String label;
  private final boolean postgres;
  private final Path work;
  private final Path dataDir;
  private final Consumer<String> row;
  private final int perCompany;
  private final int engineDeskLimit;
  private final Map<Class<?>, SessionFactory> ours = new HashMap<>();
  private final Map<String, Double> firstP50 = new HashMap<>();

  /** dataDir: the application's data directory; on H2 its files' size is reported. */
  CompanyBenchmark(ConfigurableApplicationContext context, String label, boolean postgres, Path work, Path dataDir,
      Consumer<String> row, int perCompany, int engineDeskLimit) {
    this.engine = context.getBean(ProcessEngine.class);
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.companies = context.getBean(CompanyService.class);
    this.dataSource = context.getBean(DataSource.class);
    this.label = label;
    this.postgres = postgres;
    this.work = work;
    this.dataDir = dataDir;
    this.row = row;
    this.perCompany = perCompany;
    this.engineDeskLimit = engineDeskLimit;
    for (Class<?> manager : List.of(TaskManager.class, AuthorizationManager.class)) {
      ours.put(manager, configuration.getSessionFactories().get(manager));
    }
  }

  void run(List<Integer> steps) throws Exception {
    int opened = 0;
    for (int target : steps) {
      long start = System.nanoTime();
      for (int company = opened + 1; company <= target; company++) {
        companies.create(new Company(companyId(company), "ベンチマーク株式会社 " + company, "company", null, Map.of()), null);
      }
      openIncidents(opened + 1, target);
      IncidentBenchmark.analyze(dataSource);
      String files = postgres ? "" : ", files %,d MB".formatted(IncidentBenchmark.sizeMegabytes(dataDir));
      System.out.printf("%s: %,d companies, %,d open incidents (%.0f s)%s%n", label, target, target * perCompany,
          (System.nanoTime() - start) / 1e9, files);
      opened = target;
      measure(target);
    }
  }

  private void measure(int companyCount) throws Exception {
    int open = companyCount * perCompany;
    List<String> leadGroups = List.of(companyId(1) + "--incident-lead");
    List<String> deskGroups = new ArrayList<>();
    List<String> allCompanies = new ArrayList<>();
    for (int company = 1; company <= companyCount; company++) {
      deskGroups.add(companyId(company) + "--incident-lead");
      allCompanies.add(companyId(company));
    }
    String size = "%,d companies, %,d open incidents".formatted(companyCount, open);

    long[][] lead = sample("lead-0001", leadGroups, List.of(companyId(1)), LEAD_FILTER, perCompany);
    long[][] leadEngine = asTheEngine(() -> sample("lead-0001", leadGroups, List.of(companyId(1)), LEAD_FILTER, perCompany));
    report("one company's incident lead, its role filter", size, lead, leadEngine);

    long[][] desk = sample("vendor-desk", deskGroups, allCompanies, ALL_FILTER, -1);
    long[][] deskEngine = open <= engineDeskLimit
        ? asTheEngine(() -> sample("vendor-desk", deskGroups, allCompanies, ALL_FILTER, -1)) : null;
    report("the vendor's desk, all tasks of every company", size, desk, deskEngine);

    explain("lead", companyCount, "lead-0001", leadGroups, List.of(companyId(1)),
        () -> engine.getTaskService().createTaskQuery().taskCandidateGroupIn(leadGroups).includeAssignedTasks()
            .orderByTaskCreateTime().desc());
    explain("desk", companyCount, "vendor-desk", deskGroups, allCompanies,
        () -> engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc());
  }

  private void report(String who, String size, long[][] ours, long[][] theEngine) {
    double p50 = percentile(ours[0], 50);
    firstP50.putIfAbsent(who, p50);
    String versus = theEngine == null ? "not measured (grows with the square of open tasks)"
        : "%.1f / %.1f (%.1f / %.1f)".formatted(percentile(theEngine[0], 50), percentile(theEngine[0], 95),
            percentile(theEngine[1], 50), percentile(theEngine[1], 95));
    double ratio = theEngine == null ? 0 : p50 / percentile(theEngine[0], 50);
    String ofTheEngine = theEngine == null ? "" : (ratio >= 0.1 ? "%.2f×; " : "%.4f×; ").formatted(ratio);
    row.accept("| Tasklist, %s, %s, %s: page p50 / p95 ms (count p50 / p95) | %.1f / %.1f (%.1f / %.1f) | %s | %s**%.1f×** the first size |"
        .formatted(who, label, size, p50, percentile(ours[0], 95), percentile(ours[1], 50), percentile(ours[1], 95),
            versus, ofTheEngine, p50 / firstP50.get(who)));
  }

  /** The measured call with the engine's own task statement and group filter in place of ours. */
  private long[][] asTheEngine(Supplier<long[][]> measured) {
    Map<Class<?>, SessionFactory> factories = configuration.getSessionFactories();
    factories.put(TaskManager.class, new GenericManagerFactory(TaskManager.class));
    factories.put(AuthorizationManager.class, new GenericManagerFactory(AuthorizationManager.class));
    try {
      return measured.get();
    } finally {
      factories.putAll(ours);
    }
  }

  /**
   * Tasklist's call for a saved filter: the first page, newest first, and the count, as the user. Up to 100 samples
   * after 3 to warm up, or as many as fit in a minute (at least 3). Returns page and count times in nanoseconds.
   */
  private long[][] sample(String user, List<String> groups, List<String> tenants, String filterName, int expected) {
    Filter filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult();
    long[] page = new long[100];
    long[] count = new long[100];
    int samples = 0;
    long budget = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    engine.getIdentityService().setAuthentication(user, groups, tenants);
    try {
      for (int i = -3; i < page.length && (i < 3 || System.nanoTime() < budget); i++) {
        long start = System.nanoTime();
        int listed = engine.getFilterService().listPage(filter.getId(),
            engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc(), 0, 15).size();
        long middle = System.nanoTime();
        long counted = engine.getFilterService().count(filter.getId());
        if (i >= 0) {
          page[i] = middle - start;
          count[i] = System.nanoTime() - middle;
          samples = i + 1;
        }
        if (listed != 15 || (expected >= 0 && counted != expected)) {
          throw new IllegalStateException(user + " saw " + listed + " on the first page and " + counted + " in all");
        }
        if (i < 0 && System.nanoTime() > budget) {
          i = -1; // a single sample already takes the minute: measure it once
        }
      }
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return new long[][] {Arrays.copyOf(page, samples), Arrays.copyOf(count, samples)};
  }

  /** Writes the query plans of our statement and of the engine's for the same page to target/benchmark/plans. */
  private void explain(String who, int companyCount, String user, List<String> groups, List<String> tenants,
      Supplier<TaskQuery> query) throws Exception {
    Path plans = work.resolve("plans");
    Files.createDirectories(plans);
    StringBuilder text = new StringBuilder();
    engine.getIdentityService().setAuthentication(user, groups, tenants);
    try {
      // Ours as the task manager chooses it: without a check per task for a caller granted every task.
      String ours = "jp.smb.incident.taskquery.TaskQuery." + (readsEveryTask((TaskQueryImpl) query.get())
          ? "selectPlainTasksOfReader" : "selectPlainTasks");
      for (String statement : List.of("jp.smb.incident.taskquery.TaskQuery.selectGrantsOnEveryTask", ours,
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria")) {
        boolean ofTheEngine = statement.startsWith("org.");
        if (ofTheEngine && companyCount * perCompany > engineDeskLimit && who.equals("desk")) {
          text.append("== ").append(statement).append(": EXPLAIN only (ANALYZE would run for hours)\n");
        } else {
          text.append("== ").append(statement).append('\n');
        }
        String sql = sqlOf(statement, (TaskQueryImpl) query.get());
        String explain = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ");
        if (ofTheEngine && companyCount * perCompany > engineDeskLimit && who.equals("desk")) {
          explain = "EXPLAIN ";
        }
        try (Connection connection = dataSource.getConnection(); Statement jdbc = connection.createStatement();
            ResultSet plan = jdbc.executeQuery(explain + sql)) {
          while (plan.next()) {
            text.append(plan.getString(1)).append('\n');
          }
        }
        text.append('\n');
      }
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    Files.writeString(plans.resolve("%s-%s-%d-companies.txt".formatted(postgres ? "postgres" : "h2", who, companyCount)),
        text);
  }

  private boolean readsEveryTask(TaskQueryImpl query) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      context.getAuthorizationManager().configureTaskQuery(query);
      return (Long) context.getDbEntityManager().selectOne("jp.smb.incident.taskquery.TaskQuery.selectGrantsOnEveryTask",
          query) > 0;
    });
  }

  /** The statement's SQL for the query as the current user, with its parameters written in as literals. */
  private String sqlOf(String statement, TaskQueryImpl query) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      context.getAuthorizationManager().configureTaskQuery(query);
      context.getTenantManager().configureQuery(query);
      query.setFirstResult(0);
      query.setMaxResults(15);
      org.apache.ibatis.session.Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
      BoundSql bound = mybatis.getMappedStatement(statement).getBoundSql(query);
      MetaObject parameters = mybatis.newMetaObject(query);
      StringBuilder sql = new StringBuilder();
      String[] parts = bound.getSql().split("\\?", -1);
      List<ParameterMapping> mappings = bound.getParameterMappings();
      for (int i = 0; i < parts.length; i++) {
        sql.append(parts[i]);
        if (i < mappings.size()) {
          String property = mappings.get(i).getProperty();
          Object value = bound.hasAdditionalParameter(property) ? bound.getAdditionalParameter(property)
              : parameters.getValue(property);
          sql.append(literal(value));
        }
      }
      return sql.toString();
    });
  }

  /** A parameter as SQL: our statements bind id lists as one array (SqlArrayTypeHandler). */
  private String literal(Object value) {
    if (value instanceof Number) {
      return value.toString();
    }
    if (value instanceof java.util.Collection<?> ids) {
      return ids.stream().map(this::literal).collect(java.util.stream.Collectors.joining(",", "ARRAY[", "]"))
          + (postgres ? "::varchar[]" : "");
    }
    return "'" + String.valueOf(value).replace("'", "''") + "'";
  }

  private void openIncidents(int fromCompany, int toCompany) throws Exception {
    AtomicInteger next = new AtomicInteger((fromCompany - 1) * perCompany);
    int end = toCompany * perCompany;
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        work.add(threads.submit(() -> {
          for (int i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
            engine.getRuntimeService().startProcessInstanceByKey("ipa-incident-response", Map.of(
                "companyId", companyId(i / perCompany + 1), "incidentTitle", "ベンチマーク", "incidentType", "malware",
                "eventDescription", "不審な添付ファイル", "detectedAt", "2026-11-24T09:30+09:00",
                "reportSource", "internal"));
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

  private static String companyId(int number) {
    return "c%04d".formatted(number);
  }
}
