package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.smb.incident.contract.ProcessVariable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.ClassUtils;

/**
 * The contract between the diagrams and the code: every bean, method, variable, called process, decision and form
 * a diagram names exists. A rename in Java, or a misspelling in Modeler, fails here rather than on the worst day,
 * when a person reaches that step.
 */
@SpringBootTest
@ActiveProfiles("processtest")
class DiagramContractTest {

  @Autowired
  ApplicationContext context;

  @TempDir
  Path broken;

  @Test
  void shouldFindEveryBeanMethodVariableAndModelTheDiagramsName() {
    assertThat(contract().check(Path.of("processes"), Path.of("forms"))).isEmpty();
  }

  /** Each diagram broken in one place, as a rename or a typo would: the check names what is missing, and where. */
  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      ipa-incident-response.bpmn | ${escalationTimers.triageEscalation(execution)} | ${incidentSetings.triageEscalation(execution)} | reads variable incidentSetings
      ipa-incident-response.bpmn | ${escalationTimers.triageEscalation(execution)} | ${escalationTimers.triageEscalaton(execution)} | bean escalationTimers has no method triageEscalaton with 1 argument(s)
      ipa-incident-response.bpmn | ${escalationTimers.triageEscalation(execution)} | ${escalationTimers.triageEscalation(execution, 2)} | bean escalationTimers has no method triageEscalation with 2 argument(s)
      ipa-incident-response.bpmn | ${legalClock.factsChanged(execution)} | ${legalClock.factChanged(execution)} | bean legalClock has no method factChanged
      report-to-recipient.bpmn | ${reportReminderDate} | ${reportRemindDate} | reads variable reportRemindDate
      six-step-incident-response.bpmn | execution.getVariable('soleProprietor') | execution.getVariable('soleProprieter') | reads variable soleProprieter
      ipa-incident-response.bpmn | calledElement="report-to-recipient" | calledElement="report-to-recipients" | calls process report-to-recipients
      ipa-incident-response.bpmn | decisionRef="incident-severity" | decisionRef="incident-severty" | decides by incident-severty
      ipa-incident-response.bpmn | formRef="triage-report" | formRef="triage-reports" | shows form triage-reports
      ipa-incident-response.bpmn | ${escalationListener} | ${escalationListner} | reads variable escalationListner
      reporting-obligations.dmn | <text>sensitiveData = true</text> | <text>sensitivData = true</text> | reads variable sensitivData
      """)
  void shouldNameWhatABrokenDiagramLacks(String file, String original, String changed, String problem)
      throws IOException {
    Path processes = Files.createDirectories(broken.resolve("processes"));
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.toList()) {
        String text = Files.readString(model);
        if (model.getFileName().toString().equals(file)) {
          assertThat(text).as("the diagram to break").contains(original);
          text = text.replaceFirst(java.util.regex.Pattern.quote(original),
              java.util.regex.Matcher.quoteReplacement(changed));
        }
        Files.writeString(processes.resolve(model.getFileName()), text);
      }
    }

    List<DiagramContract.Problem> problems = contract().check(processes, Path.of("forms"));

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).file()).isEqualTo(file);
    assertThat(problems.get(0).message()).contains(problem);
  }

  /** Incidents still running on a diagram deployed before a bean was renamed find it under its earlier name. */
  @Test
  void shouldKeepTheBeanNamesOfEarlierDiagrams() {
    assertThat(context.getBean("incidentSettings")).isSameAs(context.getBean("escalationTimers"));
  }

  @Test
  void shouldGiveEachDeclaredVariableOneOwner() {
    List<ProcessVariable<?>> all = declared();
    assertThat(all).hasSizeGreaterThan(30);
    assertThat(all.stream().collect(Collectors.groupingBy(ProcessVariable::name, Collectors.counting())))
        .allSatisfy((name, owners) -> assertThat(owners).as(name).isEqualTo(1L));
  }

  private DiagramContract contract() {
    return new DiagramContract(this::bean, declared().stream().map(ProcessVariable::name).collect(Collectors.toSet()));
  }

  private Optional<Class<?>> bean(String name) {
    return context.containsBean(name) ? Optional.ofNullable(context.getType(name)).map(ClassUtils::getUserClass)
        : Optional.empty();
  }

  /** The catalogue: every {@code ProcessVariable} constant of the contract package. */
  static List<ProcessVariable<?>> declared() {
    ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
    scan.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*Variables")));
    List<ProcessVariable<?>> variables = new ArrayList<>();
    scan.findCandidateComponents(ProcessVariable.class.getPackageName()).forEach(candidate -> {
      for (Field field : ClassUtils.resolveClassName(candidate.getBeanClassName(), null).getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
          try {
            variables.add((ProcessVariable<?>) field.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    });
    return variables;
  }
}
