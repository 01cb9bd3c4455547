package jp.smb.incident.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jp.smb.incident.procedure.Procedure;
import jp.smb.incident.reporting.ReportingFacts;
import jp.smb.incident.settings.IncidentProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The drill scenarios: the shipped ones ({@code drills/*.json}) and the organisation's own
 * ({@code incident.drill.scenario-dir}), read and checked at start-up, so that a broken file stops the start with
 * its name and what is wrong instead of failing in the middle of an exercise.
 */
@Component
public class DrillScenarios {

  private static final List<String> REQUIRED_REPORT = List.of("incidentTitle", "incidentType", "reportSource");

  private final Map<String, DrillScenario> byId = new TreeMap<>();

  public DrillScenarios(ObjectMapper json, IncidentProperties settings) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> files = new ArrayList<>();
    try {
      files.addAll(Arrays.asList(resolver.getResources("classpath*:drills/*.json")));
      String own = settings.drill().scenarioDir();
      if (!own.isBlank()) {
        files.addAll(Arrays.asList(resolver.getResources("file:" + own.replaceAll("/+$", "") + "/*.json")));
      }
      for (Resource file : files) {
        try (InputStream in = file.getInputStream()) {
          DrillScenario scenario = checked(json.readValue(in, DrillScenario.class), file.getFilename());
          byId.put(scenario.id(), scenario);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("訓練のシナリオを読めません / cannot read the drill scenarios: " + e.getMessage(), e);
    }
  }

  public Collection<DrillScenario> all() {
    return byId.values();
  }

  public Optional<DrillScenario> find(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  static DrillScenario checked(DrillScenario scenario, String file) {
    List<String> problems = new ArrayList<>();
    String expectedId = file == null ? null : file.replaceFirst("\\.json$", "");
    if (scenario.id() == null || !scenario.id().equals(expectedId)) {
      problems.add("id はファイル名と同じにしてください（" + expectedId + "）");
    }
    if (blank(scenario.title()) || blank(scenario.summary())) {
      problems.add("title と summary を日本語で書いてください");
    }
    if (Procedure.of(scenario.procedure()).isEmpty()) {
      problems.add("procedure は " + Arrays.toString(Procedure.processKeys())
          + " のいずれかにしてください");
    }
    REQUIRED_REPORT.stream().filter(name -> blank(scenario.report().get(name)))
        .forEach(name -> problems.add("report に " + name + " が必要です"));
    for (DrillScenario.Inject inject : scenario.injects()) {
      if (inject.after() == null || inject.after().isNegative() || blank(inject.note()) || inject.facts() == null
          || inject.facts().isEmpty()) {
        problems.add("injects の各項目には after（例 PT2H）、note、facts が必要です");
        continue;
      }
      try {
        ReportingFacts.variables(inject.facts());
      } catch (IllegalArgumentException wrongFact) {
        problems.add("injects の facts: " + wrongFact.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("訓練のシナリオ " + file + " に誤りがあります: " + String.join("; ", problems)
          + " / drill scenario " + file + " is invalid");
    }
    return scenario;
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
