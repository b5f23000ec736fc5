package com.example.monitor.wiring;

import com.example.monitor.cluster.ClusterRole;
import com.example.monitor.config.InvalidConfigurationException;
import com.example.monitor.config.MonitorSettings;
import com.example.monitor.config.RunMode;
import com.example.monitor.config.Setting;
import com.example.monitor.run.RunId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Turns a cluster service declared as a bean ({@code camel.beans.cluster = #class:...}) into leader
 * election for the triggers. Camel Main binds such beans after the application's configuration ran
 * and camel-master looks for its service among the context's services, not the registry; so, once
 * everything is configured and before the routes are built, the service is added to the context and
 * the trigger routes' endpoints get the {@code master:<namespace>:} prefix. Without such a bean
 * nothing changes, and a one-shot run ({@code monitor.mode=once}) never takes part in the election.
 */
final class ClusterActivation extends MainListenerSupport {

    /** The placeholder the trigger routes put before their endpoint URI: empty, or {@code master:<namespace>:}. */
    static final String LEADER_PREFIX = "monitor.trigger.leader-prefix";

    private final Function<BaseMainSupport, CamelContext> contextOf;

    ClusterActivation(Function<BaseMainSupport, CamelContext> contextOf) {
        this.contextOf = contextOf;
    }

    @Override
    public void afterConfigure(BaseMainSupport main) {
        CamelContext context = contextOf.apply(main);
        Map<String, CamelClusterService> services = context.getRegistry().findByTypeWithName(CamelClusterService.class);
        MonitorSettings settings = context.getRegistry().lookupByNameAndType(MonitorSettings.BEAN, MonitorSettings.class);
        if (services.isEmpty() || settings.mode() != RunMode.SERVICE) {
            return;
        }
        if (services.size() > 1) {
            throw new InvalidConfigurationException(List.of("camel.beans: " + services.size()
                    + " cluster services declared (" + String.join(", ", services.keySet().stream().sorted().toList())
                    + "); declare exactly one"));
        }
        Map.Entry<String, CamelClusterService> declared = services.entrySet().iterator().next();
        CamelClusterService service = declared.getValue();
        checkId(declared.getKey(), service.getId());
        ClusterRole role = context.getRegistry().lookupByNameAndType(ClusterRole.BEAN, ClusterRole.class);
        String namespace = settings.values().get(Setting.CLUSTER_NAMESPACE).orElseThrow();
        try {
            context.addService(service, true, true);
            role.join(service, namespace);
        } catch (Exception e) {
            // the service's own settings, such as a file lock without a root folder
            throw new InvalidConfigurationException(List.of("camel.beans." + declared.getKey()
                    + ": cannot join the election in namespace " + namespace + " (" + e.getMessage() + ")"));
        }
        context.getPropertiesComponent().addOverrideProperty(LEADER_PREFIX, "master:" + namespace + ":");
    }

    private static void checkId(String bean, String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidConfigurationException(List.of("camel.beans." + bean + ".id: missing; every replica"
                    + " needs its own id, e.g. camel.beans." + bean + ".id = {{env:HOSTNAME}}"));
        }
        if (!RunId.NODE.matcher(id).matches()) {
            throw new InvalidConfigurationException(List.of("camel.beans." + bean + ".id: '" + id + "' is not a"
                    + " replica id; use up to 63 letters, digits, '.', '_' and '-', starting with a letter or digit"));
        }
    }

}
