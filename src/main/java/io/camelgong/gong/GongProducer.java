package io.camelgong.gong;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongParameters;
import io.camelgong.gong.catalog.GongRequest;
import io.camelgong.gong.catalog.ParamSpec;
import io.camelgong.gong.client.GongPage;
import io.camelgong.gong.client.GongPager;
import io.camelgong.gong.client.MediaDownload;
import io.camelgong.gong.hosted.HostedValidation;

/**
 * Runs one Gong operation per exchange and puts the records in the message body.
 */
public class GongProducer extends DefaultProducer {

    private final GongEndpoint endpoint;

    public GongProducer(GongEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        GongOperation operation = operation(message);
        Map<String, Object> params = GongParameters.resolve(operation, optionValues(operation), messageParams(message));
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

    private void writeDownload(Exchange exchange, GongRequest request) {
        MediaDownload download = endpoint.getMediaDownloader().open(request);
        exchange.getExchangeExtension().addOnCompletion(download.closeOnCompletion());
        Message message = exchange.getMessage();
        message.setBody(download.content());
        message.setHeader(GongConstants.REQUEST_ID, download.requestId());
        message.setHeader(Exchange.CONTENT_TYPE, download.contentType());
        if (download.contentLength() >= 0) {
            message.setHeader(Exchange.CONTENT_LENGTH, download.contentLength());
        }
        if (download.contentRange() != null) {
            message.setHeader(GongConstants.CONTENT_RANGE, download.contentRange());
        }
    }
}
