package io.camelgong.gong;

import java.io.File;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The Gong component: creates {@code gong:entity/action} endpoints. Options set on the component are the defaults of
 * every endpoint it creates.
 */
@Component("gong")
public class GongComponent extends DefaultComponent {

    @Metadata
    private GongConfiguration configuration = new GongConfiguration();

    private final Map<String, StateRepository<String, String>> fileStateRepositories = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] parts = remaining.split("/", -1);
        if (parts.length > 2) {
            throw new GongValidationException(
                    "Invalid Gong endpoint 'gong:" + remaining + "': expected gong:entity/action, e.g. gong:calls/list");
        }
        GongEndpoint endpoint = new GongEndpoint(uri, this, configuration.copy());
        endpoint.setEntity(parts[0]);
        if (parts.length == 2) {
            endpoint.setAction(parts[1]);
        }
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /**
     * Returns the started file-backed state store of a path, one per file for the whole component.
     */
    StateRepository<String, String> fileStateRepository(String path) {
        String key = new File(path).getAbsoluteFile().toPath().normalize().toString();
        return fileStateRepositories.computeIfAbsent(key, file -> {
            FileStateRepository repository = new GongFileStateRepository(new File(file));
            ServiceHelper.startService(repository);
            return repository;
        });
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(fileStateRepositories.values());
        fileStateRepositories.clear();
        super.doStop();
    }

    public GongConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The defaults of every endpoint of this component.
     */
    public void setConfiguration(GongConfiguration configuration) {
        this.configuration = configuration;
    }
}
