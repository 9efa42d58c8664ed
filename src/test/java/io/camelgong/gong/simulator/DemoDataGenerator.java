package io.camelgong.gong.simulator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Adds deterministic generated records to a data set that already contains the recorded responses. It adds
 * users and a workspace for ids that the recordings name without a record, 199 calls after the recorded
 * November calls, and transcripts of the calls that have parties. Settings, library and scorecard records
 * come from {@link DemoSettingsGenerator}.
 *
 * <p>Generated calls copy the tracker and topic lists of the recorded calls, so every id joins: hosts and
 * internal parties are users, tracker ids are keyword trackers, transcript speaker ids are party speaker ids.
 */
final class DemoDataGenerator {

    /** 59 calls after the recorded ones bring the window 2024-11-01T00:00Z to 2024-11-15T23:59:59Z to 159. */
    static final int CALLS_AFTER_RECORDED_PAGE = 59;
    /** 140 more calls up to 2024-12-02 bring the window 2024-11-01T00:00Z to 2024-12-02T23:59:59Z to 299. */
    static final int CALLS_UNTIL_DECEMBER = 140;

    private static final long SEED = 20241101L;
    private static final List<String> COMPANIES = List.of("Northwind Holdings", "Fabrikam", "Tailspin Toys",
            "Adatum", "Litware", "Proseware", "Wingtip Toys", "Lamna Labs", "Woodgrove Bank", "Alpine Ski House",
            "Coho Winery", "Trey Research", "Relecloud", "Fourth Coffee", "Graphic Design Institute");
    private static final List<String> TITLE_FORMS = List.of("%s & Contoso | Meeting", "Contoso + %s Weekly",
            "%s <> Contoso Check-in", "Contoso / %s Product Needs");
    private static final List<String> FIRST_NAMES = List.of("Avery", "Blake", "Casey", "Dana", "Emerson",
            "Finley", "Harper", "Jordan", "Kai", "Logan", "Morgan", "Noel", "Parker", "Quinn", "Reese", "Rowan",
            "Sage", "Taylor", "Tatum", "Wren");
    private static final List<String> LAST_NAMES = List.of("Ashdown", "Birchfield", "Cobblestone", "Dunmore",
            "Elmstead", "Fernhill", "Greywater", "Hollowbrook", "Ivywood", "Juniperly", "Kestrelton", "Larkspur",
            "Marlowe", "Northcott", "Oakhurst", "Pinecrest", "Quarrington", "Redfern", "Stonebridge", "Thornbury");
    private static final List<String> EXTERNAL_TITLES = List.of("VP of Engineering", "Data Engineer",
            "Head of Analytics", "IT Director", "Procurement Manager", "Chief Technology Officer",
            "Analytics Engineer", "Operations Manager");
    private static final List<String> INTERACTION_STATS = List.of("Talk Ratio", "Longest Monologue",
            "Longest Customer Story", "Interactivity", "Patience");

    private final GongSimulatorData data;
    private final DemoRandom random = new DemoRandom(SEED);
    private final Map<String, ObjectNode> usersById = new LinkedHashMap<>();
    private final List<String> managerIds = new ArrayList<>();

    private DemoDataGenerator(GongSimulatorData data) {
        this.data = data;
    }

    static void generateInto(GongSimulatorData data) {
        DemoDataGenerator generator = new DemoDataGenerator(data);
        generator.generateWorkspaces();
        generator.generateUsers();
        generator.generateCalls();
        generator.generateTranscripts();
        DemoSettingsGenerator.generateInto(data, generator.random, generator.managerIds);
    }

    // --- workspaces and users

    /** Adds a workspace record for every workspace id of a call that has none (the production-size account). */
    private void generateWorkspaces() {
        for (StoredCall call : data.calls()) {
            String workspaceId = call.workspaceId();
            if (workspaceId != null && !data.hasWorkspace(workspaceId)) {
                ObjectNode workspace = Json.MAPPER.createObjectNode();
                workspace.put("id", workspaceId);
                workspace.put("name", "Contoso Sales");
                workspace.put("description", "Sales team workspace");
                data.addWorkspace(workspace);
            }
        }
    }

    /**
     * Adds a user for every user id that the stats and the calls name without a user record, with the name,
     * e-mail address and title that the recorded parties and stats give for it. The first three become the
     * managers of the others, which {@code /v2/coaching} and the scorecard reviews use.
     */
    private void generateUsers() {
        Map<String, PersonFacts> facts = collectPeople();
        for (Map.Entry<String, PersonFacts> person : facts.entrySet()) {
            String managerId = managerIds.size() < 3 ? null : managerIds.get(usersById.size() % 3);
            ObjectNode user = user(person.getKey(), person.getValue(), managerId);
            if (managerId == null) {
                managerIds.add(person.getKey());
            }
            usersById.put(person.getKey(), user);
            data.addUser(user);
        }
    }

    private Map<String, PersonFacts> collectPeople() {
        Set<String> known = new LinkedHashSet<>();
        data.users().forEach(user -> known.add(Json.text(user, "id")));
        Map<String, PersonFacts> facts = new LinkedHashMap<>();
        data.stats().ifPresent(stats -> stats.aggregate().forEach(row -> facts
                .computeIfAbsent(Json.text(row, "userId"), id -> new PersonFacts())
                .email(Json.text(row, "userEmailAddress"))));
        for (StoredCall call : data.calls()) {
            if (call.primaryUserId() != null) {
                facts.computeIfAbsent(call.primaryUserId(), id -> new PersonFacts());
            }
            for (JsonNode party : call.record().path("parties")) {
                String userId = Json.text(party, "userId");
                if (userId != null) {
                    facts.computeIfAbsent(userId, id -> new PersonFacts()).party(party);
                }
            }
        }
        facts.keySet().removeAll(known);
        return facts;
    }

    private ObjectNode user(String id, PersonFacts facts, String managerId) {
        String[] name = facts.name(random);
        ObjectNode user = Json.MAPPER.createObjectNode();
        user.put("id", id);
        user.put("emailAddress", facts.email != null ? facts.email : emailOf(name, "example.com"));
        ZonedDateTime created = LocalDate.of(2021, 1, 4).plusDays(random.between(0, 900))
                .atTime(random.between(8, 17), random.between(0, 59)).atZone(GongTime.COMPANY_ZONE);
        user.put("created", GongTime.format(created.toOffsetDateTime()));

        user.put("active", true);
        user.putArray("emailAliases");
        user.putNull("trustedEmailAddress");
        user.put("firstName", name[0]);
        user.put("lastName", name[1]);
        user.put("title", facts.title);
        user.putNull("phoneNumber");
        user.putNull("extension");
        user.putArray("personalMeetingUrls");

        ObjectNode settings = user.putObject("settings");
        settings.put("webConferencesRecorded", true);
        settings.put("preventWebConferenceRecording", false);
        settings.put("telephonyCallsImported", false);
        settings.put("emailsImported", true);
        settings.put("preventEmailImport", false);
        settings.put("nonRecordedMeetingsImported", true);
        settings.put("gongConnectEnabled", true);

        user.put("managerId", managerId);
        user.putNull("meetingConsentPageUrl");
        ObjectNode language = user.putArray("spokenLanguages").addObject();
        language.put("language", "en-US");
        language.put("primary", true);
        return user;
    }

    private static String emailOf(String[] name, String domain) {
        return (name[0] + "." + name[1]).toLowerCase(Locale.ROOT) + "@" + domain;
    }

    // --- calls

    private void generateCalls() {
        CallTemplate template = CallTemplate.of(data);
        if (template == null) {
            return;
        }
        List<OffsetDateTime> starts = new ArrayList<>();
        starts.addAll(schedule(LocalDate.of(2024, 11, 12), LocalTime.of(13, 30), 8, 20));
        starts.addAll(schedule(LocalDate.of(2024, 11, 13), LocalTime.of(8, 0), 17, 25));
        starts.addAll(schedule(LocalDate.of(2024, 11, 14), LocalTime.of(8, 0), 17, 25));
        starts.addAll(schedule(LocalDate.of(2024, 11, 15), LocalTime.of(8, 0), 17, 25));
        LocalDate day = LocalDate.of(2024, 11, 18);
        while (starts.size() < CALLS_AFTER_RECORDED_PAGE + CALLS_UNTIL_DECEMBER) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                starts.addAll(schedule(day, LocalTime.of(8, 0), 13, 35));
            }
            day = day.plusDays(1);
        }
        starts.subList(0, CALLS_AFTER_RECORDED_PAGE + CALLS_UNTIL_DECEMBER)
                .forEach(scheduled -> data.addCall(call(template, scheduled)));
    }

    /** Returns {@code count} scheduled times on one day in the company's zone, {@code stepMinutes} apart. */
    private static List<OffsetDateTime> schedule(LocalDate day, LocalTime first, int count, int stepMinutes) {
        List<OffsetDateTime> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalTime time = first.plus(Duration.ofMinutes((long) i * stepMinutes));
            times.add(day.atTime(time).atZone(GongTime.COMPANY_ZONE).toOffsetDateTime());
        }
        return times;
    }

    private ObjectNode call(CallTemplate template, OffsetDateTime scheduled) {
        String id = random.id();
        String company = random.pick(COMPANIES);
        String hostId = random.pick(template.hostIds());
        ObjectNode record = GongSimulatorData.callRecord(id, scheduled.plusSeconds(random.between(0, 240)));
        ObjectNode metaData = (ObjectNode) record.path("metaData");
        metaData.put("title", String.format(random.pick(TITLE_FORMS), company));
        metaData.put("scheduled", GongTime.format(scheduled));
        metaData.put("duration", random.between(600, 3600));
        metaData.put("primaryUserId", hostId);
        metaData.put("workspaceId", template.workspaceId());
        metaData.put("meetingUrl", "https://example.zoom.us/j/" + random.digits(11));
        metaData.put("isPrivate", random.chance(0.05));
        metaData.put("calendarEventId", random.alphanumeric(26) + "@google.com");

        ArrayNode parties = record.putArray("parties");
        parties.add(internalParty(hostId, List.of("Invitee", "Attendee")));
        if (random.chance(0.4)) {
            parties.add(internalParty(random.pick(template.hostIds()), List.of("Attendee")));
        }
        int externals = random.between(1, 3);
        for (int i = 0; i < externals; i++) {
            parties.add(externalParty(company));
        }
        record.set("content", content(template));
        record.set("interaction", interaction(parties, metaData.path("duration").asInt()));
        return record;
    }

    private ObjectNode internalParty(String userId, List<String> methods) {
        ObjectNode user = usersById.get(userId);
        ObjectNode party = Json.MAPPER.createObjectNode();
        party.put("id", random.id());
        party.put("emailAddress", user == null ? null : Json.text(user, "emailAddress"));
        party.put("name", user == null ? null : Json.text(user, "firstName") + " " + Json.text(user, "lastName"));
        party.put("title", user == null ? null : Json.text(user, "title"));
        party.put("userId", userId);
        party.put("speakerId", random.id());
        party.put("affiliation", "Internal");
        party.put("phoneNumber", "");
        party.set("methods", Json.strings(methods));
        return party;
    }

    private ObjectNode externalParty(String company) {
        String[] name = {random.pick(FIRST_NAMES), random.pick(LAST_NAMES)};
        ObjectNode party = Json.MAPPER.createObjectNode();
        party.put("id", random.id());
        party.put("emailAddress", emailOf(name, "example.org"));
        party.put("name", name[0] + " " + name[1]);
        party.put("title", random.pick(EXTERNAL_TITLES));
        party.put("speakerId", random.id());
        party.put("affiliation", "External");
        party.put("phoneNumber", "555010" + random.digits(4));
        party.set("methods", Json.strings(List.of("Invitee", "Attendee")));
        return party;
    }

    private ObjectNode content(CallTemplate template) {
        ObjectNode content = Json.MAPPER.createObjectNode();
        ArrayNode trackers = content.putArray("trackers");
        for (JsonNode tracker : template.trackers()) {
            ObjectNode copy = trackers.addObject();
            copy.put("id", Json.text(tracker, "id"));
            copy.put("name", Json.text(tracker, "name"));
            copy.put("count", random.chance(0.3) ? random.between(1, 12) : 0);
            copy.put("type", Json.text(tracker, "type"));
        }
        ArrayNode topics = content.putArray("topics");
        for (String name : template.topicNames()) {
            ObjectNode topic = topics.addObject();
            topic.put("name", name);
            topic.put("duration", random.chance(0.5) ? random.between(10, 300) : 0);
        }
        return content;
    }

    private ObjectNode interaction(ArrayNode parties, int durationSeconds) {
        ObjectNode interaction = Json.MAPPER.createObjectNode();
        ArrayNode speakers = interaction.putArray("speakers");
        for (JsonNode party : parties) {
            ObjectNode speaker = speakers.addObject();
            speaker.put("id", Json.text(party, "id"));
            speaker.put("userId", Json.text(party, "userId"));
            speaker.put("talkTime", Math.round(random.between(0.05, 0.5, 2) * durationSeconds * 10) / 10.0);
        }
        ArrayNode stats = interaction.putArray("interactionStats");
        double[][] ranges = {{0.3, 0.75, 2}, {20, 200, 0}, {10, 150, 0}, {1, 15, 1}, {0.3, 2.0, 2}};
        for (int i = 0; i < INTERACTION_STATS.size(); i++) {
            ObjectNode stat = stats.addObject();
            stat.put("name", INTERACTION_STATS.get(i));
            stat.put("value", random.between(ranges[i][0], ranges[i][1], (int) ranges[i][2]));
        }
        ObjectNode questions = interaction.putObject("questions");
        questions.put("companyCount", random.between(2, 25));
        questions.put("nonCompanyCount", random.between(0, 15));
        return interaction;
    }

    // --- transcripts

    /**
     * Adds a transcript to every call with speaking parties that has none, built from the sentences of the
     * recorded transcripts.
     */
    private void generateTranscripts() {
        List<String> sentences = new ArrayList<>(recordedSentences());
        if (sentences.isEmpty()) {
            return;
        }
        Set<String> transcribed = new LinkedHashSet<>();
        data.transcripts().forEach(transcript -> transcribed.add(Json.text(transcript, "callId")));
        for (StoredCall call : data.calls()) {
            List<JsonNode> speakers = new ArrayList<>();
            call.record().path("parties").forEach(party -> {
                if (party.hasNonNull("speakerId")) {
                    speakers.add(party);
                }
            });
            if (!speakers.isEmpty() && !transcribed.contains(call.id())) {
                data.addTranscript(call.id(), monologues(call, speakers, sentences));
            }
        }
    }

    private Set<String> recordedSentences() {
        Set<String> sentences = new LinkedHashSet<>();
        for (ObjectNode transcript : data.transcripts()) {
            transcript.path("transcript").forEach(monologue -> monologue.path("sentences")
                    .forEach(sentence -> sentences.add(Json.text(sentence, "text"))));
        }
        return sentences;
    }

    private ArrayNode monologues(StoredCall call, List<JsonNode> speakers, List<String> sentences) {
        long endOfCall = call.metaData().path("duration").asLong() * 1000;
        List<String> topics = new ArrayList<>();
        call.record().path("content").path("topics").forEach(topic -> {
            if (topic.path("duration").asInt() > 0) {
                topics.add(Json.text(topic, "name"));
            }
        });
        ArrayNode monologues = Json.MAPPER.createArrayNode();
        long time = random.between(500, 3000);
        int count = random.between(4, 8);
        for (int i = 0; i < count && time < endOfCall; i++) {
            ObjectNode monologue = monologues.addObject();
            monologue.put("speakerId", Json.text(speakers.get(i % speakers.size()), "speakerId"));
            monologue.put("topic", topics.isEmpty() || random.chance(0.5) ? null : random.pick(topics));
            ArrayNode lines = monologue.putArray("sentences");
            int lineCount = random.between(1, 3);
            for (int j = 0; j < lineCount; j++) {
                long end = time + random.between(1500, 9000);
                ObjectNode line = lines.addObject();
                line.put("start", time);
                line.put("end", end);
                line.put("text", random.pick(sentences));
                time = end + random.between(200, 1500);
            }
        }
        return monologues;
    }

    /** Name, e-mail address and title of one user, as far as the recorded parties and stats give them. */
    private static final class PersonFacts {

        private String email;
        private String name;
        private String title;

        void email(String address) {
            if (email == null) {
                email = address;
            }
        }

        void party(JsonNode party) {
            email(Json.text(party, "emailAddress"));
            if (name == null) {
                name = Json.text(party, "name");
            }
            if (title == null) {
                title = Json.text(party, "title");
            }
        }

        /** Returns first and last name: the party's name, else the e-mail's local part, else a random name. */
        String[] name(DemoRandom random) {
            if (name != null && name.contains(" ")) {
                return name.split(" ", 2);
            }
            if (email != null && email.contains(".") && email.indexOf('.') < email.indexOf('@')) {
                String[] parts = email.substring(0, email.indexOf('@')).split("\\.", 2);
                return new String[] {capitalize(parts[0]), capitalize(parts[1])};
            }
            return new String[] {random.pick(FIRST_NAMES), random.pick(LAST_NAMES)};
        }

        private static String capitalize(String word) {
            return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }

    /**
     * Lists that generated calls copy from the first recorded call with content: its workspace, trackers and
     * topic names, and the hosts of all recorded calls with parties.
     */
    private record CallTemplate(String workspaceId, List<JsonNode> trackers, List<String> topicNames,
            List<String> hostIds) {

        static CallTemplate of(GongSimulatorData data) {
            StoredCall model = null;
            Set<String> hosts = new LinkedHashSet<>();
            for (StoredCall call : data.calls()) {
                if (call.record().has("content") && call.primaryUserId() != null) {
                    model = model == null ? call : model;
                    hosts.add(call.primaryUserId());
                }
            }
            if (model == null) {
                return null;
            }
            List<JsonNode> trackers = new ArrayList<>();
            model.record().path("content").path("trackers").forEach(trackers::add);
            List<String> topics = new ArrayList<>();
            model.record().path("content").path("topics").forEach(topic -> topics.add(Json.text(topic, "name")));
            return new CallTemplate(model.workspaceId(), trackers, topics, new ArrayList<>(hosts));
        }
    }
}
