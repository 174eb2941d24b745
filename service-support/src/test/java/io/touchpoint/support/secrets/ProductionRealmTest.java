package io.touchpoint.support.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production realm (deploy/keycloak/touchpoint-realm.production.json) is the local stack's realm without what
 * makes the local one a demo: no people, no password grant, no published secret, no loopback redirect. Everything
 * else is compared with the local realm, so that a client, role, mapper or token-exchange setting added to one
 * and not the other fails here.
 */
class ProductionRealmTest {

    private static final Path LOCAL = Path.of("../deploy/keycloak/touchpoint-realm.json");
    private static final Path PRODUCTION = Path.of("../deploy/keycloak/touchpoint-realm.production.json");
    /** What may differ per client: the demo's password grant, its published secrets, and where the pages live. */
    private static final Set<String> PER_DEPLOYMENT = Set.of("directAccessGrantsEnabled", "secret", "redirectUris", "webOrigins");

    private static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(Files.readString(file));
    }

    @Test
    void theProductionRealmHoldsNoPeopleOnlyTheServiceAccountsOfItsClients() throws IOException {
        JsonNode local = read(LOCAL);
        JsonNode production = read(PRODUCTION);
        assertThat(local.get("users")).as("the local realm's demo people: what this test keeps out").hasSizeGreaterThan(2);
        List<JsonNode> serviceAccounts = new ArrayList<>();
        local.get("users").forEach(u -> {
            if (u.has("serviceAccountClientId")) {
                serviceAccounts.add(u);
            }
        });
        // The gateway's account holds gateway-service (it completes erasures), the operations feed's ops-import.
        assertThat(production.get("users")).containsExactlyElementsOf(serviceAccounts);

        for (JsonNode user : production.path("users")) {
            String client = user.path("serviceAccountClientId").asText(null);
            assertThat(client).as("user %s is a person, not a client's service account", user.path("username").asText())
                    .isNotNull();
            assertThat(clients(production)).as("service account of a client in the realm").containsKey(client);
            assertThat(clients(production).get(client).path("serviceAccountsEnabled").asBoolean()).isTrue();
            assertThat(user.has("credentials")).as("a service account signs in with its client's secret only").isFalse();
            assertThat(user.has("attributes")).as("no customer_id on a service account").isFalse();
        }
    }

    @Test
    void noClientOffersThePasswordGrant() throws IOException {
        Map<String, JsonNode> clients = clients(read(PRODUCTION));

        assertThat(clients).isNotEmpty();
        clients.forEach((id, client) -> {
            assertThat(client.has("directAccessGrantsEnabled")).as("%s says so explicitly", id).isTrue();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).as("%s offers the password grant", id).isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as("%s offers the implicit flow", id).isFalse();
        });
    }

    @Test
    void noPublishedSecretPasswordOrLoopbackAddressIsInTheProductionRealm() throws IOException {
        JsonNode local = read(LOCAL);
        JsonNode production = read(PRODUCTION);
        List<String> published = new ArrayList<>();
        local.findValues("secret").forEach(s -> published.add(s.asText()));
        local.findValues("value").forEach(s -> published.add(s.asText()));
        assertThat(published).as("the local realm's secrets and passwords").contains("local-only-secret", "local-demo-only");

        String text = Files.readString(PRODUCTION);
        assertThat(text).doesNotContain(published.toArray(String[]::new))
                .doesNotContain("local-only", "local-demo", "127.0.0.1", "localhost");
        assertThat(production.findValues("secret")).as("Keycloak makes each client's secret; an operator sets it in the service").isEmpty();
        assertThat(production.findValues("credentials")).isEmpty();
        List<String> strings = new ArrayList<>();
        collectStrings(production, strings);
        assertThat(strings).noneMatch(DemoSecrets::isDemoValue);
    }

    @Test
    void theProductionRealmHasTheLocalRealmsClientsRolesScopesMappersAndTokenExchange() throws IOException {
        JsonNode local = read(LOCAL);
        JsonNode production = read(PRODUCTION);

        assertThat(clients(production).keySet()).isEqualTo(clients(local).keySet());
        clients(local).forEach((id, client) ->
                assertThat(withoutPerDeployment(clients(production).get(id))).as("client %s", id).isEqualTo(withoutPerDeployment(client)));
        assertThat(production.get("roles")).isEqualTo(local.get("roles"));
        for (String scopes : List.of("clientScopes", "defaultDefaultClientScopes", "defaultOptionalClientScopes", "scopeMappings")) {
            assertThat(production.get(scopes)).as(scopes).isEqualTo(local.get(scopes));
        }
        assertThat(clients(production).get("staff-gateway").path("attributes").path("standard.token.exchange.enabled").asText())
                .isEqualTo("true");
        // Everything else at the realm's level too (token lifetimes, brute-force protection, the user profile).
        assertThat(realmSettings(production)).isEqualTo(realmSettings(local));
    }

    private static Map<String, JsonNode> clients(JsonNode realm) {
        Map<String, JsonNode> clients = new TreeMap<>();
        realm.path("clients").forEach(c -> clients.put(c.get("clientId").asText(), c));
        return clients;
    }

    private static JsonNode withoutPerDeployment(JsonNode client) {
        ObjectNode copy = client.deepCopy();
        copy.remove(PER_DEPLOYMENT);
        return copy;
    }

    private static JsonNode realmSettings(JsonNode realm) {
        ObjectNode copy = realm.deepCopy();
        copy.remove(List.of("displayName", "users", "clients"));
        return copy;
    }

    private static void collectStrings(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, into));
    }
}
