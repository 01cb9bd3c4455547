package jp.smb.incident.startup;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives the engine the mappings {@link MappingsPreload} started reading, so that it does not read them again on the
 * start-up's critical path.
 */
@Component
public class PreloadedMappingsPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<PreloadedMappings> preloaded;

  public PreloadedMappingsPlugin(ObjectProvider<PreloadedMappings> preloaded) {
    this.preloaded = preloaded;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    PreloadedMappings mappings = preloaded.getIfAvailable();
    // A session factory set by someone else, or one shared between engines, stays as it is.
    if (mappings != null && configuration.getSqlSessionFactory() == null
        && !configuration.isUseSharedSqlSessionFactory()) {
      configuration.setSqlSessionFactory(new DeferredSqlSessionFactory(configuration, mappings));
    }
  }
}
