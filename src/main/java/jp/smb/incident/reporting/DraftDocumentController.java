package jp.smb.incident.reporting;

import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import jp.smb.incident.contract.ReportVariables;
import jp.smb.incident.documents.PdfDocuments;
import jp.smb.incident.record.IncidentRecord;
import jp.smb.incident.record.IncidentRecords;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tasks/{taskId}/draft.pdf}: a report task's draft as an A4 PDF, for whoever may read the task
 * (read through the engine with the caller's authorizations and company), linked from the task's form.
 */
@RestController
public class DraftDocumentController {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IncidentRecords records;
  private final ApiCaller caller;

  public DraftDocumentController(TaskService taskService, RuntimeService runtimeService, IncidentRecords records,
      ApiCaller caller) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.records = records;
    this.caller = caller;
  }

  @GetMapping(path = "/api/tasks/{taskId}/draft.pdf")
  public ResponseEntity<byte[]> draft(@PathVariable String taskId) {
    caller.require("報告の下書きのダウンロード", ApiCaller.RESPONDERS);
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    Object draft = task == null ? null : taskService.getVariable(taskId, ReportVariables.DRAFT.name());
    if (draft == null) {
      throw new ApiException(HttpStatus.NOT_FOUND, "タスク " + taskId + " の報告の下書きは見つかりません");
    }
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    String number = instance == null ? "" : instance.getBusinessKey();
    String operator = records.find(number).map(IncidentRecord::businessOperator).orElse(null);
    byte[] pdf = PdfDocuments.fromText(task.getName() + "（下書き）", draft.toString(), operator, number);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(number + "-draft.pdf").build().toString())
        .body(pdf);
  }
}
