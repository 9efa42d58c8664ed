package io.camelgong.gong;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.EmptyAsyncCallback;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongParameters;
import io.camelgong.gong.catalog.GongRequest;
import io.camelgong.gong.client.GongPage;
import io.camelgong.gong.client.GongPager;
import io.camelgong.gong.consumer.CallEnricher;
import io.camelgong.gong.consumer.FeedRecord;
import io.camelgong.gong.consumer.GongFeed;
import io.camelgong.gong.consumer.PollPlanner;
import io.camelgong.gong.consumer.PollWindow;
import io.camelgong.gong.consumer.StateIdempotentRepository;
import io.camelgong.gong.consumer.WatermarkStore;

/**
 * Polls Gong for new calls, transcripts or answered scorecards and emits each once, oldest first. Every poll re-reads
 * a trailing window ({@code lookback}) because Gong lists calls late, and the delivered ids stop repeats. A record
 * counts as delivered, and the watermark moves, only when its exchange completed without an exception.
 */
public class GongConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(GongConsumer.class);

    private final GongEndpoint endpoint;
    private final GongFeed feed;
    private final PollPlanner planner;
    private final Clock clock;
    private final Object commitLock = new Object();
    // Messages about malformed records already logged, so a record that stays in the window is reported once.
    private final Set<String> reportedMalformed = ConcurrentHashMap.newKeySet();
    // Ids sent to the route whose exchange has not completed yet, with their earliest start; never selected twice.
    private final Map<String, Instant> inFlight = new ConcurrentHashMap<>();

    private CallEnricher enricher;
    private WatermarkStore watermarks;
    private IdempotentRepository delivered;
    private StateIdempotentRepository ownDelivered;
    // Kept across route restarts in this process when no state store is configured.
    private MemoryStateRepository memoryStore;
    private volatile boolean permanentFailureReported;
    // Reset at every start, so the first poll after a (re)start reads the stored state again.
    private volatile boolean stateOpened;

    public GongConsumer(GongEndpoint endpoint, Processor processor, GongFeed feed, Clock clock) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.feed = feed;
        this.clock = clock;
        this.planner = new PollPlanner(Duration.parse(endpoint.getConfiguration().getLookback()));
    }

    @Override
    protected void doStart() throws Exception {
        GongConfiguration configuration = endpoint.getConfiguration();
        enricher = createEnricher(configuration);
        setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        stateOpened = false;
        super.doStart();
    }

    /**
     * Opens the watermark and the delivered ids at the first poll rather than at start: under OAuth the company
     * that keys them is known only once an access token exists, and a takeover in a cluster must read the state the
     * previous leader left.
     */
    private void openState() {
        GongConfiguration configuration = endpoint.getConfiguration();
        StateRepository<String, String> store = stateStore();
        String keyPrefix = keyPrefix();
        WatermarkStore opened = new WatermarkStore(store, keyPrefix);
        if (configuration.getIdempotentRepository() != null) {
            delivered = configuration.getIdempotentRepository();
        } else {
            ownDelivered = new StateIdempotentRepository(store, keyPrefix + ".delivered");
            delivered = ownDelivered;
        }
        ServiceHelper.startService(delivered);

        if (opened.watermark() == null) {
            LOG.info("Gong {} consumer started without a stored watermark; the first poll starts at"
                     + " initialFromDateTime={} (lookback {})", feed.entity(), configuration.getInitialFromDateTime(),
                    planner.lookback());
        } else {
            LOG.info("Gong {} consumer started at watermark {} (floor {}, lookback {}, {} delivered ids kept)",
                    feed.entity(), opened.watermark(), opened.floor(), planner.lookback(),
                    ownDelivered != null ? ownDelivered.size() : "external");
        }
        watermarks = opened;
        stateOpened = true;
    }

    /**
     * Returns the prefix of this consumer's state keys: the Gong company's identity, the entity and the filter
     * options, so consumers of other companies, entities or workspaces never share a watermark.
     */
    String keyPrefix() {
        StringBuilder prefix = new StringBuilder("gong.consumer.")
                .append(endpoint.getCredentials().tenantIdentity()).append('.').append(feed.entity());
        new TreeMap<>(consumerOptions()).forEach(
                (name, value) -> prefix.append('.').append(name).append('-').append(value.toString().replace(" ", "")));
        return prefix.toString();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownDelivered != null) {
            ServiceHelper.stopService(ownDelivered);
        }
    }

    @Override
    protected HealthCheck.State initialHealthCheckState() {
        // not ready until the first poll has read Gong successfully
        return HealthCheck.State.DOWN;
    }

    private StateRepository<String, String> stateStore() {
        StateRepository<String, String> store = endpoint.getStateRepository();
        if (store == null) {
            LOG.warn("Gong {} consumer keeps its watermark and delivered ids in memory: after a restart it reads"
                     + " again from initialFromDateTime and delivers those calls again. Set stateFile or"
                     + " stateRepository to keep them.", feed.entity());
            if (memoryStore == null) {
                memoryStore = new MemoryStateRepository();
                ServiceHelper.startService(memoryStore);
            }
            return memoryStore;
        }
        return store;
    }

    private CallEnricher createEnricher(GongConfiguration configuration) {
        String enrich = configuration.getEnrich();
        if (feed != GongFeed.CALLS || enrich == null || enrich.isBlank()) {
            return null;
        }
        boolean extensive = enrich.contains("extensive");
        boolean transcript = enrich.contains("transcript");
        return new CallEnricher(endpoint.getPageFetcher(), extensive, transcript,
                CallEnricher.contentSelector(configuration.getContentSelector()),
                configuration.getTranscriptMaxAttempts());
    }

    @Override
    protected int poll() throws Exception {
        Optional<GongAuthenticationException> permanentFailure = endpoint.getCredentials().permanentFailure();
        if (permanentFailure.isPresent()) {
            // Every request would fail the same way until a person acts, so send none.
            if (!permanentFailureReported) {
                permanentFailureReported = true;
                LOG.error("Gong {} consumer stops reading: its credentials no longer work and need a new consent or"
                          + " key; the route keeps running and each poll fails until a restart with new credentials:"
                          + " {}", feed.entity(), permanentFailure.get().getMessage());
            }
            throw permanentFailure.get();
        }
        if (!stateOpened) {
            openState();
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant floor = floor(now);
        Instant watermark = watermarks.watermark();
        Instant from = planner.windowStart(watermark, floor);
        if (!from.isBefore(now)) {
            LOG.debug("Gong {} poll skipped: the window start {} is not before now {}", feed.entity(), from, now);
            return 0;
        }
        if (ownDelivered != null) {
            ownDelivered.expireBefore(from);
        }

        Listing listing = list(from, now);
        PollBatch batch = new PollBatch(now);
        Queue<Object> exchanges = prepareExchanges(listing, batch);
        LOG.debug("Gong {} poll of [{}, {}): {} listed on {} pages, {} to deliver", feed.entity(), from, now,
                listing.records.size(), listing.pages, exchanges.size());

        if (exchanges.isEmpty()) {
            commitWatermark(batch);
            return 0;
        }
        return processBatch(exchanges);
    }

    /**
     * Selects the new records of a listing, oldest first and at most maxMessagesPerPoll, enriches them and creates
     * their exchanges. Records left out are noted in the batch as undelivered.
     */
    private Queue<Object> prepareExchanges(Listing listing, PollBatch batch) {
        List<FeedRecord> fresh = PollPlanner.select(
                listing.records, id -> inFlight.containsKey(id) || delivered.contains(id));
        int limit = maxMessagesPerPoll > 0 ? Math.min(maxMessagesPerPoll, fresh.size()) : fresh.size();
        fresh.subList(limit, fresh.size()).forEach(batch::undelivered);

        Queue<Object> exchanges = new LinkedList<>();
        for (CallEnricher.Delivery delivery : deliveries(fresh.subList(0, limit), batch)) {
            inFlight.put(delivery.call().id(), delivery.call().earliestStart());
            batch.pending++;
            exchanges.add(new Pending(createExchange(delivery, listing.requestId), delivery.call(), batch));
        }
        return exchanges;
    }

    private Instant floor(Instant now) {
        Instant floor = watermarks.floor();
        if (floor == null) {
            floor = initialFrom(endpoint.getConfiguration().getInitialFromDateTime(), now);
            watermarks.saveFloor(floor);
            LOG.info("Gong {} consumer has no stored state; starting at {}", feed.entity(), floor);
        }
        return floor;
    }

    /**
     * Resolves initialFromDateTime: a date-time with an offset, or a duration before now.
     */
    static Instant initialFrom(String value, Instant now) {
        try {
            return GongParameters.parseDateTime(value).toInstant();
        } catch (DateTimeParseException e) {
            return now.minus(Duration.parse(value)).truncatedTo(ChronoUnit.SECONDS);
        }
    }

    private Listing list(Instant from, Instant to) {
        GongOperation operation = feed.operation();
        Map<String, Object> options = consumerOptions();
        Listing listing = new Listing();
        for (PollWindow window : PollPlanner.split(from, to)) {
            Map<String, Object> params = GongParameters.resolve(operation, options, feed.windowParams(window));
            GongPage last = new GongPager(endpoint.getPageFetcher()).forEachPage(GongRequest.of(operation, params),
                    page -> {
                        listing.pages++;
                        for (Map<String, Object> data : page.records()) {
                            addRecord(listing, data, window);
                        }
                    });
            listing.requestId = last.requestId();
        }
        return listing;
    }

    private void addRecord(Listing listing, Map<String, Object> data, PollWindow window) {
        try {
            listing.records.add(feed.toRecord(data, window));
        } catch (IllegalArgumentException e) {
            // Skipping it keeps the other records flowing; a poll that failed on it would never get past it.
            if (reportedMalformed.add(e.getMessage())) {
                LOG.warn("Skipping a record that cannot be delivered: {}", e.getMessage());
            }
        }
    }

    private Map<String, Object> consumerOptions() {
        Map<String, Object> options = new LinkedHashMap<>(endpoint.getConfiguration().parameterOptions());
        options.keySet().retainAll(feed.endpointOptions());
        return options;
    }

    private List<CallEnricher.Delivery> deliveries(List<FeedRecord> toSend, PollBatch batch) {
        if (enricher == null) {
            return toSend.stream().map(record -> new CallEnricher.Delivery(record, record.data(), false)).toList();
        }
        CallEnricher.Result result = enricher.enrich(toSend);
        result.heldBack().forEach(batch::undelivered);
        if (!result.heldBack().isEmpty()) {
            LOG.debug("Gong {} poll holds back {} calls whose transcript is not ready", feed.entity(),
                    result.heldBack().size());
        }
        return result.ready();
    }

    private Exchange createExchange(CallEnricher.Delivery delivery, String requestId) {
        Exchange exchange = createExchange(true);
        Message message = exchange.getMessage();
        Map<String, Object> data = delivery.call().data();
        message.setBody(delivery.body());
        message.setHeader(GongConstants.ENTITY, feed.entity());
        message.setHeader(GongConstants.ACTION, "list");
        message.setHeader(GongConstants.REQUEST_ID, requestId);
        message.setHeader(GongConstants.CALL_ID, feed.callId(data));
        OffsetDateTime started = feed.callStarted(data);
        if (started != null) {
            message.setHeader(GongConstants.CALL_STARTED, started);
        }
        if (delivery.transcriptMissing()) {
            message.setHeader(GongConstants.TRANSCRIPT_MISSING, Boolean.TRUE);
        }
        return exchange;
    }

    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        int sent = 0;
        for (int index = 0; index < total; index++) {
            Pending pending = (Pending) exchanges.poll();
            if (!isBatchAllowed()) {
                // Stopping: what is not sent stays undelivered and comes again after the restart.
                pending.batch.notSent(pending.record);
                continue;
            }
            Exchange exchange = pending.exchange;
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            exchange.getExchangeExtension().addOnCompletion(new DeliveryCommit(pending.record, pending.batch));
            getAsyncProcessor().process(exchange, EmptyAsyncCallback.get());
            sent++;
        }
        return sent;
    }

    private void commitDelivered(FeedRecord record) {
        if (ownDelivered != null) {
            ownDelivered.add(record.id(), record.latestStart());
        } else {
            delivered.add(record.id());
            delivered.confirm(record.id());
        }
        if (enricher != null) {
            enricher.forget(record.id());
        }
    }

    private void commitWatermark(PollBatch batch) {
        synchronized (commitLock) {
            List<Instant> undelivered = new ArrayList<>(batch.undeliveredStarts);
            undelivered.addAll(inFlight.values());
            Instant previous = watermarks.watermark();
            Instant next = PollPlanner.nextWatermark(previous, batch.windowEnd, undelivered);
            if (!next.equals(previous)) {
                watermarks.saveWatermark(next);
                LOG.debug("Gong {} watermark moved from {} to {}", feed.entity(), previous, next);
            }
        }
    }

    /**
     * The records listed by one poll and the facts of its last page.
     */
    private static final class Listing {
        private final List<FeedRecord> records = new ArrayList<>();
        private int pages;
        private String requestId;
    }

    /**
     * One exchange waiting in a batch, with its record and poll.
     */
    private record Pending(Exchange exchange, FeedRecord record, PollBatch batch) {
    }

    /**
     * The bookkeeping of one poll: the exchanges not completed yet and the records that stay undelivered. Its
     * watermark is committed when the last exchange completed.
     */
    private final class PollBatch {
        private final Instant windowEnd;
        private final Collection<Instant> undeliveredStarts = new ArrayList<>();
        private int pending;

        PollBatch(Instant windowEnd) {
            this.windowEnd = windowEnd;
        }

        synchronized void undelivered(FeedRecord record) {
            undeliveredStarts.add(record.earliestStart());
        }

        void notSent(FeedRecord record) {
            inFlight.remove(record.id());
            undelivered(record);
            finishOne();
        }

        void finishOne() {
            boolean last;
            synchronized (this) {
                last = --pending == 0;
            }
            if (last) {
                commitWatermark(this);
            }
        }
    }

    /**
     * Commits a record when its exchange completed, or leaves it undelivered when the exchange failed.
     */
    private final class DeliveryCommit implements Synchronization {
        private final FeedRecord record;
        private final PollBatch batch;

        DeliveryCommit(FeedRecord record, PollBatch batch) {
            this.record = record;
            this.batch = batch;
        }

        @Override
        public void onComplete(Exchange exchange) {
            try {
                commitDelivered(record);
            } catch (RuntimeException e) {
                LOG.warn("Gong {} record {} was processed but its id could not be stored; it may be delivered again:"
                         + " {}", feed.entity(), record.id(), e.toString());
                batch.undelivered(record);
            }
            inFlight.remove(record.id());
            batch.finishOne();
        }

        @Override
        public void onFailure(Exchange exchange) {
            LOG.warn("Gong {} record {} failed; rolling back, it comes again with the next poll: {}", feed.entity(),
                    record.id(), exchange.getException() != null ? exchange.getException().toString() : "no exception");
            batch.undelivered(record);
            inFlight.remove(record.id());
            batch.finishOne();
        }
    }
}
