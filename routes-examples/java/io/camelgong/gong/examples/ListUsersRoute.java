package io.camelgong.gong.examples;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;

/**
 * Lists every user of the Gong account once and prints one line per user.
 */
public class ListUsersRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:list-users").routeId("list-users")
                .to("gong:users/list")
                .log("Gong account has ${header.CamelGongTotalRecords} users:")
                .split(body())
                    .process(exchange -> {
                        Map<?, ?> user = exchange.getMessage().getBody(Map.class);
                        String name = user.get("firstName") + " " + user.get("lastName");
                        exchange.getMessage().setBody(
                                String.format("  %-20s %-24s %s", user.get("id"), name, user.get("emailAddress")));
                    })
                    .log("${body}")
                .end();
    }
}
