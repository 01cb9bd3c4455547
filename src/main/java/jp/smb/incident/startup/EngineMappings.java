package jp.smb.incident.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine's MyBatis mappings (about 1,800 statements in 55 files), read as the engine reads them at start-up.
 * Reading them is the longest single step of a start on a small machine (one to two seconds), and it needs nothing
 * but the database type and the table prefix, so it can run on the second core while Spring sets up the rest.
 */
public final class EngineMappings {

  private static final String MAPPINGS = "org/camunda/bpm/engine/impl/mapping/mappings.xml";

  private EngineMappings() {
  }

  /** The same properties and file as {@code ProcessEngineConfigurationImpl.initSqlSessionFactory}. */
  public static Configuration parse(String databaseType, String tablePrefix) {
    Properties properties = new Properties();
    properties.put("prefix", tablePrefix);
    ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
    try (InputStream in = EngineMappings.class.getClassLoader().getResourceAsStream(MAPPINGS);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return new XMLConfigBuilder(reader, "", properties).parse();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + MAPPINGS, e);
    }
  }
}
