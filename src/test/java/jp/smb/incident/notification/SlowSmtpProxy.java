package jp.smb.incident.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A slow mail server for tests: a TCP relay in front of a real one (GreenMail) that holds back the server's greeting
 * for a while, so every send takes at least that long, as over a congested line or a busy provider.
 */
final class SlowSmtpProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int target;
  private final Duration delay;

  SlowSmtpProxy(int target, Duration delay) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    this.delay = delay;
    start(this::accept);
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        start(() -> relay(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void relay(Socket client) {
    try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), target)) {
      Thread.sleep(delay.toMillis());
      Thread upstream = start(() -> copy(client, server));
      copy(server, client);
      upstream.join();
    } catch (IOException | InterruptedException e) {
      // the client or the server hung up: the relay ends with them
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // one side closed
    }
  }

  private static Thread start(Runnable work) {
    Thread thread = new Thread(work, "slow-smtp");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
