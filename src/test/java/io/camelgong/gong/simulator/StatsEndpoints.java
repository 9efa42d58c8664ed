package io.camelgong.gong.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Stats endpoints: {@code POST /v2/stats/activity/aggregate}, {@code /day-by-day}, {@code /v2/stats/interaction}
 * and {@code POST /v2/stats/activity/scorecards}.
 *
 * <p>The first three serve the recorded responses of one window. They take {@code filter{fromDate, toDate,
 * userIds}} with plain company dates, both required, {@code toDate} exclusive and not after today. A window
 * that overlaps the recorded one returns the recorded users, and day-by-day also keeps only the days inside
 * the window.
 */
final class StatsEndpoints {

    private final GongSimulatorData data;
    private final SimulatorSettings settings;
    private final Pager pager;

    StatsEndpoints(GongSimulatorData data, SimulatorSettings settings, Pager pager) {
        this.data = data;
        this.settings = settings;
        this.pager = pager;
    }

    ApiResponse aggregate(ApiRequest request) {
        return withWindowFields(request, "usersAggregateActivityStats", GongSimulatorData.StatsPeriod::aggregate);
    }

    ApiResponse interaction(ApiRequest request) {
        return withWindowFields(request, "peopleInteractionStats", GongSimulatorData.StatsPeriod::interaction);
    }

    ApiResponse dayByDay(ApiRequest request) {
        StatsWindow window = StatsWindow.of(request.requiredFilter(), today());
        List<JsonNode> users = new ArrayList<>();
        for (ObjectNode user : recordedRows(window, GongSimulatorData.StatsPeriod::dayByDay)) {
            ObjectNode copy = user.deepCopy();
            ArrayNode days = copy.putArray("userDailyActivityStats");
            user.path("userDailyActivityStats").forEach(day -> {
                if (window.contains(companyDate(Json.text(day, "fromDate")))) {
                    days.add(day);
                }
            });
            if (!days.isEmpty()) {
                users.add(copy);
            }
        }
        ObjectNode body = Json.responseBody();
        pager.writePage(body, "usersDetailedActivities", users, request);
        return ApiResponse.ok(body);
    }

    /**
     * {@code POST /v2/stats/activity/scorecards}: pages of {@code answeredScorecards}. The filter needs a
     * window: {@code fromDateTime} and {@code toDateTime} on the call start, or Gong's documented
     * {@code callFromDate}/{@code callToDate} or {@code reviewFromDate}/{@code reviewToDate} company dates.
     */
    ApiResponse answeredScorecards(ApiRequest request) {
        ScorecardFilter filter = ScorecardFilter.of(request.requiredFilter());
        List<JsonNode> answered = new ArrayList<>();
        data.answeredScorecards().stream().filter(filter::matches).forEach(answered::add);
        ObjectNode body = Json.responseBody();
        pager.writePage(body, "answeredScorecards", answered, request);
        return ApiResponse.ok(body);
    }

    private ApiResponse withWindowFields(ApiRequest request, String field,
            Function<GongSimulatorData.StatsPeriod, List<ObjectNode>> rows) {
        StatsWindow window = StatsWindow.of(request.requiredFilter(), today());
        List<JsonNode> selected = new ArrayList<>(recordedRows(window, rows));
        ObjectNode body = Json.responseBody();
        pager.writePage(body, field, selected, request);
        body.put("toDateTime", GongTime.startOfDay(window.to()));
        body.put("fromDateTime", GongTime.startOfDay(window.from()));
        body.put("timeZone", GongTime.COMPANY_ZONE_NAME);
        return ApiResponse.ok(body);
    }

    private List<ObjectNode> recordedRows(StatsWindow window,
            Function<GongSimulatorData.StatsPeriod, List<ObjectNode>> rows) {
        List<ObjectNode> selected = new ArrayList<>();
        data.stats().filter(period -> window.overlaps(period.fromDate(), period.toDate()))
                .ifPresent(period -> rows.apply(period).stream()
                        .filter(row -> window.selectsUser(Json.text(row, "userId")))
                        .forEach(selected::add));
        return selected;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(settings.now(), GongTime.COMPANY_ZONE);
    }

    private static LocalDate companyDate(String dateTime) {
        return LocalDate.ofInstant(OffsetDateTime.parse(dateTime).toInstant(), GongTime.COMPANY_ZONE);
    }

    /** {@code filter{fromDate, toDate, userIds}} of a stats request. */
    record StatsWindow(LocalDate from, LocalDate to, List<String> userIds) {

        static StatsWindow of(JsonNode filter, LocalDate today) {
            LocalDate from = requiredDate(filter, "fromDate");
            LocalDate to = requiredDate(filter, "toDate");
            if (!from.isBefore(to)) {
                throw GongApiException.badRequest(
                        "filter.fromDate (" + from + ") must be before filter.toDate (" + to + ")");
            }
            if (to.isAfter(today)) {
                throw GongApiException.badRequest(
                        "filter.toDate (" + to + ") must not be after today (" + today
                                + ") in the company's time zone");
            }
            return new StatsWindow(from, to, ApiRequest.ids(filter, "userIds"));
        }

        private static LocalDate requiredDate(JsonNode filter, String field) {
            String value = Json.text(filter, field);
            if (value == null) {
                throw GongApiException.badRequest("filter." + field + " is required, in the form YYYY-MM-DD");
            }
            return ApiRequest.date(value, "filter." + field);
        }

        boolean overlaps(LocalDate periodFrom, LocalDate periodTo) {
            return from.isBefore(periodTo) && to.isAfter(periodFrom);
        }

        boolean contains(LocalDate date) {
            return !date.isBefore(from) && date.isBefore(to);
        }

        boolean selectsUser(String userId) {
            return userIds.isEmpty() || userIds.contains(userId);
        }
    }

    /** Filter of {@code /v2/stats/activity/scorecards}; a {@code null} bound or an empty list does not restrict. */
    record ScorecardFilter(OffsetDateTime from, OffsetDateTime to, LocalDate callFrom, LocalDate callTo,
            LocalDate reviewFrom, LocalDate reviewTo, List<String> scorecardIds, List<String> reviewedUserIds,
            List<String> reviewerUserIds, List<String> callIds) {

        static ScorecardFilter of(JsonNode filter) {
            ScorecardFilter parsed = new ScorecardFilter(
                    ApiRequest.dateTime(Json.text(filter, "fromDateTime"), "filter.fromDateTime"),
                    ApiRequest.dateTime(Json.text(filter, "toDateTime"), "filter.toDateTime"),
                    ApiRequest.date(Json.text(filter, "callFromDate"), "filter.callFromDate"),
                    ApiRequest.date(Json.text(filter, "callToDate"), "filter.callToDate"),
                    ApiRequest.date(Json.text(filter, "reviewFromDate"), "filter.reviewFromDate"),
                    ApiRequest.date(Json.text(filter, "reviewToDate"), "filter.reviewToDate"),
                    ApiRequest.ids(filter, "scorecardIds"),
                    ApiRequest.ids(filter, "reviewedUserIds"),
                    ApiRequest.ids(filter, "reviewerUserIds"),
                    ApiRequest.ids(filter, "callIds"));
            parsed.requireWindow();
            return parsed;
        }

        private void requireWindow() {
            boolean dateTimes = from != null && to != null;
            boolean dates = callFrom != null || callTo != null || reviewFrom != null || reviewTo != null;
            if (!dateTimes && !dates) {
                throw GongApiException.badRequest("filter.fromDateTime and filter.toDateTime are required");
            }
            ApiRequest.requireOrdered(from, to, "filter.fromDateTime", "filter.toDateTime");
        }

        boolean matches(JsonNode answered) {
            Instant callStart = OffsetDateTime.parse(Json.text(answered, "callStartTime")).toInstant();
            Instant review = OffsetDateTime.parse(Json.text(answered, "reviewTime")).toInstant();
            return (from == null || !callStart.isBefore(from.toInstant()))
                    && (to == null || callStart.isBefore(to.toInstant()))
                    && inDates(callStart, callFrom, callTo)
                    && inDates(review, reviewFrom, reviewTo)
                    && selects(scorecardIds, answered, "scorecardId")
                    && selects(reviewedUserIds, answered, "reviewedUserId")
                    && selects(reviewerUserIds, answered, "reviewerUserId")
                    && selects(callIds, answered, "callId");
        }

        private static boolean inDates(Instant instant, LocalDate fromDate, LocalDate toDate) {
            LocalDate date = LocalDate.ofInstant(instant, GongTime.COMPANY_ZONE);
            return (fromDate == null || !date.isBefore(fromDate)) && (toDate == null || date.isBefore(toDate));
        }

        private static boolean selects(List<String> ids, JsonNode answered, String field) {
            return ids.isEmpty() || ids.contains(answered.path(field).asText());
        }
    }
}
