package io.camelgong.gong;

import java.util.List;

/**
 * Raised before a request is sent when the daily request budget of a Gong tenant (option dailyRequestBudget) is
 * spent. Gong allows 10,000 requests per day per company, so sending more would only earn 429 responses.
 */
public class GongBudgetExhaustedException extends GongApiException {

    private static final long serialVersionUID = 1L;

    public GongBudgetExhaustedException(String operation, String detail) {
        super(operation, 0, null, List.of(), detail);
    }
}
