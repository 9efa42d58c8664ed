package io.camelgong.gong;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongParameters;
import io.camelgong.gong.catalog.GongRequest;
import io.camelgong.gong.catalog.ParamSpec;
import io.camelgong.gong.client.GongPage;
import io.camelgong.gong.client.GongPager;
import io.camelgong.gong.client.MediaDownload;
import io.camelgong.gong.client.MediaFiles;
import io.camelgong.gong.hosted.HostedValidation;

/**
 * Runs one Gong operation per exchange and puts the records in the message body.
 */
public class GongProducer extends DefaultProducer {

    private final GongEndpoint endpoint;
    private GongProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;
    private Expression downloadFileExpression;

    public GongProducer(GongEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        String downloadFile = endpoint.getConfiguration().getDownloadFile();
        if (downloadFile != null) {
            downloadFileExpression = getEndpoint().getCamelContext().resolveLanguage("simple")
                    .createExpression(downloadFile);
            downloadFileExpression.init(getEndpoint().getCamelContext());
        }
        // Camel's producers repository exists only when camel-health is on the classpath and producer checks are
        // enabled (camel.health.producersEnabled=true).
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(
                endpoint.getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            String id = endpoint.getEntity() + (endpoint.getAction() == null ? "" : "-" + endpoint.getAction()) + "-"
                        + endpoint.getCamelContext().getUuidGenerator().generateUuid();
            healthCheck = new GongProducerHealthCheck(endpoint, id);
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        GongOperation operation = operation(message);
        Map<String, Object> params = resolveParams(operation, message);
        GongRequest request = GongRequest.of(operation, params);

        message.setHeader(GongConstants.ENTITY, operation.entity());
        message.setHeader(GongConstants.ACTION, operation.action());
        switch (operation.kind()) {
            case GET -> writeRecord(message, endpoint.getPageFetcher().fetch(request));
            case LIST -> writeList(message, request);
            case DOWNLOAD -> writeDownload(exchange, request);
        }
    }

    private GongOperation operation(Message message) {
        if (endpoint.getOperation() != null) {
            return endpoint.getOperation();
        }
        String entity = message.getHeader(GongConstants.ENTITY, String.class);
        String action = message.getHeader(GongConstants.ACTION, String.class);
        if (entity == null || action == null) {
            throw new GongValidationException(
                    "Missing header " + (entity == null ? GongConstants.ENTITY : GongConstants.ACTION)
                                              + " for gong:execute: set CamelGongEntity (e.g. calls) and"
                                              + " CamelGongAction (e.g. list) before sending to gong:execute");
        }
        GongOperation operation;
        try {
            operation = GongCatalog.operation(entity, action);
        } catch (IllegalArgumentException e) {
            throw new GongValidationException(e.getMessage());
        }
        if (!endpoint.isHosted()) {
            HostedValidation.rejectHostedOnly(operation);
        }
        return operation;
    }

    /**
     * Returns the endpoint options that supply parameters. On gong:execute the operation is known only now, so
     * options it does not take are left out instead of rejected.
     */
    private Map<String, Object> optionValues(GongOperation operation) {
        Map<String, Object> values = endpoint.getConfiguration().parameterOptions();
        if (endpoint.getOperation() == null) {
            Map<String, Object> used = new LinkedHashMap<>();
            for (ParamSpec spec : operation.params().values()) {
                if (spec.optionName() != null && values.containsKey(spec.optionName())) {
                    used.put(spec.optionName(), values.get(spec.optionName()));
                }
            }
            return used;
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolveParams(GongOperation operation, Message message) {
        try {
            return GongParameters.resolve(operation, optionValues(operation), messageParams(message));
        } catch (GongValidationException e) {
            if (message.getHeader(GongConstants.PARAMS) == null && message.getBody() instanceof Map) {
                throw new GongValidationException(e.getMessage() + " The parameters were read from the message body,"
                                                  + " a Map, because the CamelGongParams header is absent; set that"
                                                  + " header (an empty Map for no parameters) to leave the body out.");
            }
            throw e;
        }
    }

    private static Map<String, ?> messageParams(Message message) {
        Object header = message.getHeader(GongConstants.PARAMS);
        if (header != null) {
            if (header instanceof Map<?, ?> map) {
                return (Map<String, ?>) map;
            }
            throw new GongValidationException(
                    "Invalid header " + GongConstants.PARAMS + ": expected a java.util.Map of parameters, got "
                                              + header.getClass().getName());
        }
        return message.getBody() instanceof Map<?, ?> map ? (Map<String, ?>) map : null;
    }

    private static void writeRecord(Message message, GongPage page) {
        message.setBody(page.records().get(0));
        message.setHeader(GongConstants.REQUEST_ID, page.requestId());
        message.setHeader(GongConstants.TOTAL_RECORDS, 1L);
        message.setHeader(GongConstants.PAGE_COUNT, 1);
        message.removeHeader(GongConstants.NEXT_CURSOR);
    }

    private void writeList(Message message, GongRequest request) {
        if (endpoint.getConfiguration().getPagination() == GongPagination.streaming) {
            writeIterator(message, request);
            return;
        }
        List<Map<String, Object>> records;
        GongPage lastPage;
        int pages;
        if (endpoint.getConfiguration().getPagination() == GongPagination.single) {
            lastPage = endpoint.getPageFetcher().fetch(request);
            records = lastPage.records();
            pages = 1;
        } else {
            GongPager.Result result = new GongPager(endpoint.getPageFetcher()).readAll(request);
            records = result.records();
            lastPage = result.lastPage();
            pages = result.pages();
        }
        message.setBody(records);
        message.setHeader(GongConstants.REQUEST_ID, lastPage.requestId());
        message.setHeader(GongConstants.TOTAL_RECORDS, lastPage.totalRecords());
        message.setHeader(GongConstants.PAGE_COUNT, pages);
        if (lastPage.nextCursor() != null) {
            message.setHeader(GongConstants.NEXT_CURSOR, lastPage.nextCursor());
        } else {
            message.removeHeader(GongConstants.NEXT_CURSOR);
        }
    }

    /**
     * Puts a lazy iterator over all records in the body. Only the first page is read here, so the headers describe
     * that page. The page count and next cursor are not set, because they are unknown until the route has iterated.
     */
    private void writeIterator(Message message, GongRequest request) {
        GongPager.RecordIterator records = new GongPager(endpoint.getPageFetcher()).iterate(request);
        message.setBody(records);
        message.setHeader(GongConstants.REQUEST_ID, records.firstRequestId());
        message.setHeader(GongConstants.TOTAL_RECORDS, records.totalRecords());
        message.removeHeader(GongConstants.PAGE_COUNT);
        message.removeHeader(GongConstants.NEXT_CURSOR);
    }

    private void writeDownload(Exchange exchange, GongRequest request) {
        Path target = downloadTarget(exchange);
        MediaDownload download = endpoint.getMediaDownloader().open(request);
        Message message = exchange.getMessage();
        if (target != null) {
            long written = MediaFiles.write(download, target, request.operation().name());
            message.setBody(target.toFile());
            message.setHeader(Exchange.CONTENT_LENGTH, written);
        } else {
            exchange.getExchangeExtension().addOnCompletion(download.closeOnCompletion());
            message.setBody(download.content());
            if (download.contentLength() >= 0) {
                message.setHeader(Exchange.CONTENT_LENGTH, download.contentLength());
            }
        }
        message.setHeader(GongConstants.REQUEST_ID, download.requestId());
        message.setHeader(Exchange.CONTENT_TYPE, download.contentType());
        if (download.contentRange() != null) {
            message.setHeader(GongConstants.CONTENT_RANGE, download.contentRange());
        } else {
            message.removeHeader(GongConstants.CONTENT_RANGE);
        }
    }

    /**
     * Returns the file to write a download to, from the CamelGongDownloadFile header or the downloadFile option, or
     * {@code null} to return a stream.
     */
    private Path downloadTarget(Exchange exchange) {
        String header = exchange.getMessage().getHeader(GongConstants.DOWNLOAD_FILE, String.class);
        String file = header;
        if (file == null && downloadFileExpression != null) {
            file = downloadFileExpression.evaluate(exchange, String.class);
        }
        if (file == null) {
            return null;
        }
        if (file.isBlank()) {
            throw new GongValidationException(
                    "Invalid download file '" + file + "': expected a file path; check the downloadFile option or"
                                              + " the " + GongConstants.DOWNLOAD_FILE + " header");
        }
        return Path.of(file);
    }
}
