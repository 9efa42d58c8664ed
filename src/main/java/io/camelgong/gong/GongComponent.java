package io.camelgong.gong;

import java.io.File;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import io.camelgong.gong.auth.FileStateStore;
import io.camelgong.gong.auth.StateRepositoryTokenStore;
import io.camelgong.gong.auth.TokenManagerRegistry;
import io.camelgong.gong.auth.TokenStore;
import io.camelgong.gong.client.GongRateLimiterRegistry;
import io.camelgong.gong.hosted.AirbyteTokenRegistry;

/**
 * The Gong component: creates {@code gong:entity/action} endpoints. Options set on the component are the defaults of
 * every endpoint it creates.
 */
@Component("gong")
public class GongComponent extends DefaultComponent {

    @Metadata
    private GongConfiguration configuration = new GongConfiguration();

    private final GongRateLimiterRegistry rateLimiters = new GongRateLimiterRegistry();
    private final Map<String, FileStateStore> fileStateRepositories = new ConcurrentHashMap<>();
    private final Map<StateRepository<String, String>, TokenStore> repositoryTokenStores =
            new ConcurrentHashMap<>();
    private final TokenManagerRegistry tokenManagers = new TokenManagerRegistry();
    private final AirbyteTokenRegistry airbyteTokenRegistry = new AirbyteTokenRegistry();

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
        GongOptionErrors.checkDurations(parameters);
        try {
            setProperties(endpoint, parameters);
        } catch (PropertyBindingException e) {
            GongValidationException invalid = GongOptionErrors.invalidOption(e);
            throw invalid != null ? invalid : e;
        }
        endpoint.validate();
        return endpoint;
    }

    /**
     * Returns the started file-backed state store of a path, one per file for the whole component.
     */
    FileStateStore fileStateRepository(String path) {
        String key = new File(path).getAbsoluteFile().toPath().normalize().toString();
        return fileStateRepositories.computeIfAbsent(key, file -> {
            FileStateStore repository = new FileStateStore(new File(file).toPath());
            ServiceHelper.startService(repository);
            return repository;
        });
    }

    /**
     * Returns the rate limiters of this component, one per Gong tenant.
     */
    GongRateLimiterRegistry getRateLimiters() {
        return rateLimiters;
    }

    /**
     * Returns the token store of an endpoint's state store, one per store for the whole component, or {@code null}
     * when the endpoint has no state store.
     */
    TokenStore tokenStore(GongEndpoint endpoint) {
        return tokenStore(endpoint.getConfiguration());
    }

    /**
     * Returns the token store of a configuration's state store, or {@code null} when it names none.
     */
    TokenStore tokenStore(GongConfiguration configuration) {
        StateRepository<String, String> repository = configuration.getStateRepository();
        if (repository == null && configuration.getStateFile() != null) {
            repository = fileStateRepository(configuration.getStateFile());
        }
        if (repository == null) {
            return null;
        }
        if (repository instanceof TokenStore store) {
            return store;
        }
        return repositoryTokenStores.computeIfAbsent(repository, StateRepositoryTokenStore::new);
    }

    /**
     * Returns the OAuth token managers of this component, one per credential identity.
     */
    public TokenManagerRegistry getTokenManagers() {
        return tokenManagers;
    }

    /**
     * Returns the Airbyte application tokens of hosted endpoints, shared per set of Airbyte credentials.
     */
    AirbyteTokenRegistry airbyteTokenRegistry() {
        return airbyteTokenRegistry;
    }

    @Override
    protected void doStop() throws Exception {
        tokenManagers.close();
        repositoryTokenStores.clear();
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
