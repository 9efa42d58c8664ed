package io.camelgong.gong.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WireMock extension that responds to every {@code /v2} request from the data set: it checks the
 * {@code Authorization} header first, then routes the request to its endpoint. Input errors become Gong's
 * error body with status 400, 401 or 404. An unexpected failure becomes status 500 and is logged.
 */
final class GongApiTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "gong-api";

    private static final Logger LOG = LoggerFactory.getLogger(GongApiTransformer.class);
    private static final Pattern USER_PATH = Pattern.compile("/v2/users/([^/]+)");
    private static final Pattern CALL_PATH = Pattern.compile("/v2/calls/([^/]+)");

    private final Authorizer authorizer;
    private final UsersEndpoints users;
    private final CallsEndpoints calls;
    private final StatsEndpoints stats;
    private final SettingsEndpoints settingsEndpoints;

    GongApiTransformer(Authorizer authorizer, GongSimulatorData data, SimulatorSettings settings) {
        Pager pager = new Pager(settings);
        this.authorizer = authorizer;
        this.users = new UsersEndpoints(data, pager);
        this.calls = new CallsEndpoints(data, settings, pager);
        this.stats = new StatsEndpoints(data, settings, pager);
        this.settingsEndpoints = new SettingsEndpoints(data, settings, pager);
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Applies only to the simulator's own stub, so that stubs a test adds keep their fixed responses. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        ApiResponse response;
        try {
            authorizer.check(request.getHeader("Authorization"));
            ApiRequest apiRequest = new ApiRequest(request.getMethod().getName(), request.getUrl(),
                    request.getBodyAsString());
            response = route(apiRequest);
        } catch (GongApiException e) {
            LOG.debug("Simulated Gong endpoint rejected {} {} with {}: {}", request.getMethod(), request.getUrl(),
                    e.status(), e.getMessage());
            response = new ApiResponse(e.status(), Json.error(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Simulated Gong endpoint failed on {} {}", request.getMethod(), request.getUrl(), e);
            response = new ApiResponse(500, Json.error("Failed to complete the operation due to an unexpected "
                    + "error: " + e));
        }
        return new ResponseDefinitionBuilder()
                .withStatus(response.status())
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(response.body().toString())
                .build();
    }

    private ApiResponse route(ApiRequest request) {
        String path = request.path();
        if (request.isPost()) {
            return routePost(request, path);
        }
        if (!"GET".equals(request.method())) {
            throw unknownPath(request);
        }
        Matcher user = USER_PATH.matcher(path);
        Matcher call = CALL_PATH.matcher(path);
        return switch (path) {
            case "/v2/users" -> users.list(request);
            case "/v2/workspaces" -> users.workspaces();
            case "/v2/calls" -> calls.list(request);
            case "/v2/settings/scorecards" -> settingsEndpoints.scorecards(request);
            case "/v2/settings/trackers" -> settingsEndpoints.trackers(request);
            case "/v2/library/folders" -> settingsEndpoints.folders(request);
            case "/v2/library/folder-content" -> settingsEndpoints.folderContent(request);
            case "/v2/coaching" -> settingsEndpoints.coaching(request);
            default -> {
                if (user.matches()) {
                    yield users.get(user.group(1));
                }
                if (call.matches()) {
                    yield calls.get(call.group(1));
                }
                throw unknownPath(request);
            }
        };
    }

    private ApiResponse routePost(ApiRequest request, String path) {
        return switch (path) {
            case "/v2/calls/extensive" -> calls.extensive(request);
            case "/v2/calls/transcript" -> calls.transcripts(request);
            case "/v2/stats/activity/aggregate" -> stats.aggregate(request);
            case "/v2/stats/activity/day-by-day" -> stats.dayByDay(request);
            case "/v2/stats/interaction" -> stats.interaction(request);
            case "/v2/stats/activity/scorecards" -> stats.answeredScorecards(request);
            default -> throw unknownPath(request);
        };
    }

    private static GongApiException unknownPath(ApiRequest request) {
        return GongApiException.notFound("The simulator does not serve " + request.method() + " " + request.path());
    }
}
