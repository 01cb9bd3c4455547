package jp.smb.incident.response;

import java.util.Map;
import jp.smb.incident.api.ApiCaller;
import jp.smb.incident.api.ApiException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tasks/{id}/complete}: another system completes a step of an incident, under the engine's
 * authorization checks as the caller. When two complete the same task at once, one wins and the other is told so.
 */
@RestController
public class TaskCompletionController {

  public record Completion(Map<String, Object> variables) {
  }

  private final TaskService taskService;
  private final HistoryService historyService;
  private final ApiCaller caller;

  public TaskCompletionController(TaskService taskService, HistoryService historyService, ApiCaller caller) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.caller = caller;
  }

  @PostMapping(path = "/api/tasks/{taskId}/complete", consumes = "application/json")
  public Map<String, Object> complete(@PathVariable String taskId, @RequestBody(required = false) Completion completion) {
    String user = caller.require("タスクの完了", ApiCaller.REPORTERS);
    Map<String, Object> variables = completion == null || completion.variables() == null ? Map.of()
        : completion.variables();
    variables.forEach((name, value) -> {
      if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
        throw new ApiException(HttpStatus.BAD_REQUEST,
            "変数 " + name + " の値は文字列、数値、真偽値のいずれかにしてください");
      }
    });
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw alreadyCompletedOrUnknown(taskId);
    }
    try {
      taskService.complete(taskId, variables);
    } catch (NullValueException | NotFoundException completedMeanwhile) {
      throw alreadyCompletedOrUnknown(taskId);
    } catch (OptimisticLockingException concurrentCompletion) {
      throw new ApiException(HttpStatus.CONFLICT,
          "タスク「" + task.getName() + "」は同時に他の人が完了しました。あなたの入力は保存されていません");
    }
    return Map.of("taskId", taskId, "taskName", task.getName(), "completedBy", user);
  }

  private ApiException alreadyCompletedOrUnknown(String taskId) {
    boolean done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
    return done
        ? new ApiException(HttpStatus.CONFLICT, "タスク " + taskId + " は既に完了しています（他の人が先に完了しました）")
        : new ApiException(HttpStatus.NOT_FOUND, "タスク " + taskId + " は見つかりません");
  }
}
