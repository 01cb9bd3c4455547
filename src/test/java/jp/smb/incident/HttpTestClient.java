package jp.smb.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** A small HTTP client for tests that talk to the running application as a browser or a REST caller would. */
public class HttpTestClient {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  public HttpTestClient(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public HttpResponse<String> get(String path, String user, String password) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET());
  }

  /** A request that accepts only the given media types, as a browser or an XML client sends it; "" sends no Accept. */
  public HttpResponse<String> accepting(String accept, String method, String path, String user, String password,
      String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password));
    if (!accept.isEmpty()) {
      request.header("Accept", accept);
    }
    return send(json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
        : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> postJson(String path, String user, String password, String json) {
    return sendJson("POST", path, user, password, json);
  }

  public HttpResponse<String> putJson(String path, String user, String password, String json) {
    return sendJson("PUT", path, user, password, json);
  }

  public HttpResponse<String> patchJson(String path, String user, String password, String json) {
    return sendJson("PATCH", path, user, password, json);
  }

  public HttpResponse<String> deleteJson(String path, String user, String password, String json) {
    return sendJson("DELETE", path, user, password, json);
  }

  public HttpResponse<String> post(String path, String user, String password, String contentType, String body) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", basic(user, password))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> delete(String path, String user, String password) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).DELETE());
  }

  public HttpResponse<byte[]> getBytes(String path, String user, String password) {
    try {
      return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A multipart/form-data POST with text fields and, if {@code fileName} is given, one file part "file". */
  public HttpResponse<String> postMultipart(String path, String user, String password, java.util.Map<String, String> fields,
      String fileName, byte[] file) {
    return postMultipart(path, user, password, fields, fileName, "application/octet-stream", file);
  }

  /** As above, with the file part's content type as the client claims it. */
  public HttpResponse<String> postMultipart(String path, String user, String password, java.util.Map<String, String> fields,
      String fileName, String contentType, byte[] file) {
    String boundary = "----incident" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    if (fileName != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", basic(user, password))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpResponse<String> sendJson(String method, String path, String user, String password, String json) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", basic(user, password))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Logs in to a Camunda webapp the way its login page does: with the session's CSRF token. */
  public HttpResponse<String> webappLogin(String app, String user, String password, boolean withCsrfToken) {
    get("/camunda/app/" + app + "/");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(
            "username=" + encode(user) + "&password=" + encode(password)));
    if (withCsrfToken) {
      request.header("X-XSRF-TOKEN", csrfToken());
    }
    return send(request);
  }

  public String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("the webapp set no XSRF-TOKEN cookie"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The body of an answer as JSON; fails the test, showing the body, when it is not JSON. */
  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  /** A fresh data directory for an application a test starts. */
  public static Path temporaryDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port nobody listens on now, for a test server that must keep its port across a stop and a start. */
  public static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
