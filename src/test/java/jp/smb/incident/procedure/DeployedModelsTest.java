package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.smb.incident.input.RejectedInputException;
import jp.smb.incident.reporting.DecisionDeadlines;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Rules every deployed diagram, decision and form must keep, checked on what the engine actually deployed. */
@SpringBootTest
@ActiveProfiles("processtest")
class DeployedModelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ProcessEngine engine;

  private RepositoryService repository;
  private Map<String, JsonNode> formsById;

  @BeforeEach
  void readDeployedForms() throws IOException {
    repository = engine.getRepositoryService();
    formsById = new HashMap<>();
    for (ProcessDefinition definition : processes()) {
      for (Resource resource : repository.getDeploymentResources(definition.getDeploymentId())) {
        if (resource.getName().endsWith(".form")) {
          try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(), resource.getName())) {
            JsonNode form = JSON.readTree(in);
            formsById.put(form.get("id").asText(), form);
          }
        }
      }
    }
  }

  private List<ProcessDefinition> processes() {
    return repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .filter(definition -> !definition.getKey().endsWith("-check"))
        .toList();
  }

  @Test
  void shouldRefuseADecisionTableWhoseReportDeadlineIsInMonths() throws IOException {
    String table;
    try (InputStream in = Files.newInputStream(Path.of("processes", "reporting-obligations.dmn"))) {
      table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    long before = repository.createDecisionDefinitionQuery().decisionDefinitionKey("reporting-obligations").count();
    String edited = table.replaceFirst("<text>\"P60D\"</text>", "<text>\"P2M\"</text>");
    assertThat(edited).isNotEqualTo(table);

    assertThatThrownBy(() -> repository.createDeployment().name("months")
        .addString("reporting-obligations.dmn", edited).deploy())
        .isInstanceOf(RejectedInputException.class).hasMessageContaining("P2M").hasMessageContaining("規則");
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("reporting-obligations").count())
        .as("the tables in force stay").isEqualTo(before);
    assertThat(DecisionDeadlines.problems(new java.io.ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))))
        .as("the shipped table counts in days").isEmpty();
  }

  @Test
  void shouldDeployTheProceduresAndTheirPlaybooks() {
    assertThat(processes()).extracting(ProcessDefinition::getKey).contains(
        "ipa-incident-response", "evidence-preservation", "malware-playbook", "data-leak-playbook",
        "system-outage-playbook");
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("incident-severity").count())
        .isEqualTo(1);
  }

  /** The milestones the record and the MTTx figures are measured by, as each diagram declares them. */
  private List<String> milestones(String processKey) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    return model(definition).getModelElementsByType(UserTask.class).stream()
        .filter(task -> task.getExtensionElements() != null)
        .flatMap(task -> task.getExtensionElements().getElementsQuery()
            .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream())
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> property.getCamundaName().equals(jp.smb.incident.record.IncidentRecorder.MILESTONE))
        .map(property -> property.getCamundaValue()).distinct().sorted().toList();
  }

  @Test
  void shouldDeclareInEachProcedureTheMilestonesTheRecordMeasures() {
    for (String procedure : List.of("ipa-incident-response", "six-step-incident-response")) {
      assertThat(milestones(procedure)).as("milestones of %s", procedure).containsExactly("contained", "recovered");
    }
    assertThat(milestones("report-to-recipient")).containsExactly("report-sent");
  }

  @Test
  void shouldOfferEveryUserTaskToAGroupWithADeployedForm() {
    for (ProcessDefinition definition : processes()) {
      for (UserTask task : model(definition).getModelElementsByType(UserTask.class)) {
        String where = definition.getKey() + "/" + task.getId();
        assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", where).isNotBlank();
        assertThat(task.getCamundaAssignee()).as("fixed assignee of %s", where).isNull();
        assertThat(task.getName()).as("name of %s", where).isNotBlank();
        assertThat(formsById).as("form %s of %s", task.getCamundaFormRef(), where).containsKey(task.getCamundaFormRef());
      }
    }
  }

  @Test
  void shouldGiveEveryProcessStartableInTasklistAStartForm() {
    for (ProcessDefinition definition : processes()) {
      if (!definition.isStartableInTasklist()) {
        continue;
      }
      for (StartEvent start : model(definition).getModelElementsByType(StartEvent.class)) {
        if (start.getParentElement() instanceof SubProcess) {
          continue;
        }
        assertThat(formsById).as("start form of %s", definition.getKey()).containsKey(start.getCamundaFormRef());
      }
    }
  }

  @Test
  void shouldWriteEveryFormForTasklist716InJapanese() {
    assertThat(formsById).isNotEmpty();
    formsById.forEach((id, form) -> {
      assertThat(form.get("schemaVersion").asInt()).as("schema version of %s", id).isEqualTo(16);
      assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
      for (JsonNode component : form.get("components")) {
        String visibleText = component.has("label") ? component.get("label").asText()
            : component.has("dateLabel") ? component.get("dateLabel").asText() : component.path("text").asText();
        assertThat(visibleText).as("text of %s in %s", component.path("id").asText(), id)
            .containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
      }
    });
  }

  @Test
  void shouldDrawEveryElementOfEveryDiagram() {
    for (ProcessDefinition definition : processes()) {
      BpmnModelInstance model = model(definition);
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
      Set<String> elements = new HashSet<>();
      model.getModelElementsByType(FlowNode.class).stream().map(BaseElement::getId).forEach(elements::add);
      model.getModelElementsByType(SequenceFlow.class).stream().map(BaseElement::getId).forEach(elements::add);

      assertThat(drawn).as("diagram of %s", definition.getKey()).containsAll(elements);
    }
  }

  @Test
  void shouldKeepHistoryForEveryProcessAndDecision() {
    for (ProcessDefinition definition : processes()) {
      assertThat(definition.getHistoryTimeToLive()).as("history time to live of %s", definition.getKey()).isPositive();
    }
    for (DecisionDefinition decision : repository.createDecisionDefinitionQuery().latestVersion().list()) {
      assertThat(decision.getHistoryTimeToLive()).as("history time to live of %s", decision.getKey()).isPositive();
    }
  }

  @Test
  void shouldGiveEveryFieldOfAFormItsOwnIdAndKey() {
    formsById.forEach((id, form) -> {
      List<String> ids = form.get("components").findValuesAsText("id");
      List<String> keys = form.get("components").findValuesAsText("key");
      assertThat(ids).as("component ids of form %s", id).doesNotHaveDuplicates();
      assertThat(keys).as("field keys of form %s", id).doesNotHaveDuplicates();
    });
  }

  private static final Set<String> FEEL_KEYWORDS = Set.of("if", "then", "else", "null", "true", "false", "and", "or");

  @Test
  void shouldAskForEveryDecisionInputUnderItsOwnName() {
    Set<String> formKeys = formsById.values().stream()
        .flatMap(form -> form.get("components").findValuesAsText("key").stream())
        .collect(Collectors.toSet());
    for (DecisionDefinition decision : repository.createDecisionDefinitionQuery().latestVersion().list()) {
      DmnModelInstance model = repository.getDmnModelInstance(decision.getId());
      for (InputExpression input : model.getModelElementsByType(InputExpression.class)) {
        // Every variable the input expression reads, leaving out FEEL keywords and string literals.
        String expression = input.getText().getTextContent().replaceAll("\"[^\"]*\"", "");
        for (String variable : expression.split("[^A-Za-z]+")) {
          if (!variable.isEmpty() && !FEEL_KEYWORDS.contains(variable)) {
            assertThat(formKeys).as("a form field for %s of %s", variable, decision.getKey()).contains(variable);
          }
        }
      }
    }
  }

  /** Forms whose every answer may rightly be "no" or "unknown yet": the facts that feed the reporting decision. */
  private static final Set<String> ALL_OPTIONAL = Set.of("determine-impact", "decide-external-reporting");

  @Test
  void shouldRequireWhatEachStepMustRecord() {
    formsById.forEach((id, form) -> {
      boolean requiresSomething = form.findValues("validate").stream()
          .anyMatch(validate -> validate.path("required").asBoolean());
      assertThat(requiresSomething || ALL_OPTIONAL.contains(id))
          .as("form %s has a required field (a step completed with nothing entered leaves no record)", id)
          .isTrue();
    });
  }

  private BpmnModelInstance model(ProcessDefinition definition) {
    return repository.getBpmnModelInstance(definition.getId());
  }
}
