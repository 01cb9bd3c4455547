package jp.smb.incident.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.smb.incident.ApplicationProcess;
import jp.smb.incident.SmallServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operators' guide's small server, command by command (「小さなサーバーで動かす」): the jar extracted, the class
 * archive recorded in a scratch data directory, then the small server started with it, where it takes an incident.
 * The benchmark's start-up part times the same commands.
 */
class SmallServerIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  @Test
  void shouldStartTheSmallServerWithTheRecordedClassArchiveAsTheGuideSays() throws Exception {
    Path log = Path.of("target", "small-server", "application.log");
    Path scratch = work.resolve("cds-training");
    Path data = work.resolve("data");
    Path archive = work.resolve("app").resolve("incident-response.jsa");

    Path app = SmallServer.extract(SmallServer.packagedJar(), work.resolve("app"), log);
    SmallServer.recordArchive(app, archive, scratch, log);

    assertThat(archive).isRegularFile();
    assertThat(Files.size(archive)).isGreaterThan(10_000_000L);
    // The recording run started on its scratch directory and nowhere else.
    assertThat(scratch.resolve("incident-response.mv.db")).isRegularFile();
    assertThat(data).doesNotExist();

    List<String> jvm = new ArrayList<>(SmallServer.jvmOptionsWith(archive));
    jvm.add("-Xshare:on"); // refuse to start rather than silently run without the archive
    try (ApplicationProcess server = ApplicationProcess.startJar(jvm, app, log, "/camunda/app/tasklist/",
        "--incident.data-dir=" + data, "--spring.profiles.active=demo,small")) {
      HttpResponse<String> created = server.http().postJson("/api/incidents", "demo-staff", "Renshu-2026!",
          JSON.createObjectNode().put("title", "小さなサーバーで受け付ける").put("incidentType", "malware")
              .put("eventDescription", "不審な添付ファイルを開いた").toString());

      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(JSON.readTree(created.body()).get("incidentNumber").asText()).isNotBlank();
      assertThat(data.resolve("incident-response.mv.db")).isRegularFile();
    }
  }
}
