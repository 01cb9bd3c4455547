package jp.smb.incident.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The markers the record and the response times read from the diagrams (IncidentRecorder): a procedure edited
 * in Modeler without one of them fails here rather than silently losing a figure.
 */
class ProcedureMilestonesTest {

  @ParameterizedTest
  @CsvSource({"ipa-incident-response", "six-step-incident-response"})
  void shouldMarkTheStepsTheResponseTimesNeed(String procedure) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", procedure + ".bpmn").toFile());
    List<String> milestones = values(model.getModelElementsByType(UserTask.class).stream(), "incident.milestone");
    assertThat(milestones).as("time to contain and time to recover").contains("contained", "recovered");
    assertThat(values(model.getModelElementsByType(EndEvent.class).stream(), "incident.outcome"))
        .as("a false alarm is told from a closed incident").containsExactly("not-an-incident");
  }

  @ParameterizedTest
  @CsvSource({"report-to-recipient"})
  void shouldMarkEveryWayAReportIsSent(String process) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", process + ".bpmn").toFile());
    assertThat(values(model.getModelElementsByType(UserTask.class).stream(), "incident.milestone"))
        .as("reports sent, for the record's list of reports").contains("report-sent");
  }

  private static List<String> values(Stream<? extends BaseElement> elements, String name) {
    return elements.filter(element -> element.getExtensionElements() != null)
        .flatMap(element -> element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class)
            .list().stream())
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName())).map(CamundaProperty::getCamundaValue)
        .filter(Objects::nonNull).toList();
  }
}
