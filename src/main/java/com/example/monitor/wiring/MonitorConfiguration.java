package com.example.monitor.wiring;

import com.example.monitor.cluster.ClusterRole;
import com.example.monitor.config.DatabaseConfig;
import com.example.monitor.config.DatabasesConfig;
import com.example.monitor.config.DatabasesFileLoader;
import com.example.monitor.config.MonitorSettings;
import com.example.monitor.config.MonitorSettingsReader;
import com.example.monitor.config.AuthMode;
import com.example.monitor.config.InvalidConfigurationException;
import com.example.monitor.config.RunMode;
import com.example.monitor.extension.TeamRoutes;
import com.example.monitor.files.Folder;
import com.example.monitor.housekeeping.Housekeeping;
import com.example.monitor.http.ApiRequests;
import com.example.monitor.http.HttpServerSetup;
import com.example.monitor.http.LiveStatus;
import com.example.monitor.http.RunHistory;
import com.example.monitor.jdbc.CompactRowMapperFactory;
import com.example.monitor.jdbc.DataSourceFactory;
import com.example.monitor.jdbc.DatabasePools;
import com.example.monitor.jdbc.KerberosSettings;
import com.example.monitor.jdbc.QueryStatementStrategy;
import com.example.monitor.jdbc.StatementTracker;
import com.example.monitor.jdbc.TrackedDataSource;
import com.example.monitor.progress.ProgressPublisher;
import com.example.monitor.report.RowSpool;
import com.example.monitor.report.RunReporter;
import com.example.monitor.run.AnalysisRuns;
import com.example.monitor.run.RunRequest;
import com.example.monitor.run.RunRequestReader;
import com.example.monitor.steps.DatabaseSteps;
import com.example.monitor.steps.ErrorMessages;
import com.example.monitor.steps.NestedResultAggregationStrategy;
import com.example.monitor.steps.QueryResults;
import com.example.monitor.steps.QuerySteps;
import com.example.monitor.steps.RunSteps;
import com.example.monitor.trigger.InboxFolder;
import com.example.monitor.trigger.InboxRequests;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.spi.ManagementStrategy;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the beans the YAML routes refer to by name, from the {@code monitor.*} properties and
 * databases.yaml. Both are validated here, before any connection is opened.
 */
final class MonitorConfiguration implements CamelConfiguration {

    /** The pool the run-analysis route's split runs databases on. */
    public static final String DATABASE_THREADS_BEAN = "databaseThreads";

    private static final Logger LOG = LoggerFactory.getLogger(MonitorConfiguration.class);

    private final StartupProblems earlierProblems;

    /** @param earlierProblems the team route files' problems, found before Camel reads those files */
    MonitorConfiguration(StartupProblems earlierProblems) {
        this.earlierProblems = earlierProblems;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        MonitorSettingsReader reader = new MonitorSettingsReader(
                MonitorSettingsReader.camelProperties(context.getPropertiesComponent()), PropertiesFiles.loadedBy(context));
        List<String> routeFileProblems = earlierProblems.all();
        MonitorSettings settings = readTogetherWithDatabasesFile(reader, routeFileProblems);
        reader.substituted().forEach(context.getPropertiesComponent()::addOverrideProperty);
        DatabasesConfig config = loadTogetherWith(routeFileProblems, settings.databasesFile());

        Registry registry = context.getRegistry();
        // routes' log steps write as route.<routeId>, INFO by default (simplelogger.properties)
        context.getGlobalOptions().put(Exchange.LOG_EIP_NAME, "route.${routeId}");
        KerberosSettings kerberos = new KerberosSettings(System::getenv);
        refuseUnusableKerberosFiles(config, kerberos);
        StatementTracker statements = new StatementTracker();
        DataSourceFactory dataSources = new DataSourceFactory(settings, statements, kerberos);
        DatabasePools pools = new DatabasePools();
        for (DatabaseConfig database : config.databases()) {
            TrackedDataSource pool = dataSources.create(database);
            pools.add(database, pool);
            registry.bind(DatabasePools.beanName(database.name()), DataSource.class, pool);
        }
        context.addService(pools, true, true);
        context.addService(statements, true, true);

        AnalysisRuns runs = new AnalysisRuns(statements);
        ExecutorService databaseThreads = context.getExecutorServiceManager()
                .newFixedThreadPool(this, "database", settings.parallelismFor(config.databases().size()));

        registry.bind(MonitorSettings.BEAN, settings);
        registry.bind(DatabasesConfig.BEAN, config);
        registry.bind(DatabasePools.BEAN, pools);
        registry.bind(AnalysisRuns.BEAN, runs);
        registry.bind(DATABASE_THREADS_BEAN, databaseThreads);
        registry.bind(QueryStatementStrategy.BEAN, new QueryStatementStrategy());
        registry.bind(CompactRowMapperFactory.BEAN, new CompactRowMapperFactory());
        registry.bind(NestedResultAggregationStrategy.BEAN, new NestedResultAggregationStrategy());
        ClusterRole role = new ClusterRole();
        registry.bind(ClusterRole.BEAN, role);
        RunRequestReader requestReader = new RunRequestReader();
        InboxRequests inboxRequests = new InboxRequests(requestReader,
                settings.mode() == RunMode.SERVICE ? settings.inboxDir() : null, settings.reportPermissions(),
                () -> RunRequest.newRunId(Instant.now(), role.nodeId().orElse(null)));
        registry.bind(InboxRequests.BEAN, inboxRequests);
        registry.bind(Housekeeping.BEAN, new Housekeeping(settings.mode() == RunMode.SERVICE ? settings.keepReports() : null,
                settings.outputDir(), settings.mode() == RunMode.SERVICE ? settings.inboxDir() : null,
                Clock.systemUTC()));
        warnAboutServiceOnlySettings(settings);
        if (settings.httpEnabled()) {
            bindHttpBeans(context, settings, config, dataSources, runs, requestReader, role);
        }
        triggerProperties(settings).forEach(context.getPropertiesComponent()::addOverrideProperty);
        if (settings.mode() == RunMode.SERVICE && settings.inboxDir() != null) {
            createInboxFolders(settings);
        }
        // Camel Main adds EventNotifier beans before it runs configurations and binds camel.beans.*, so
        // notifier beans bound there would never hear of progress: add them once the context starts
        context.addStartupListener((started, alreadyStarted) -> addNotifierBeans(started));
        TeamRoutes teamRoutes = new TeamRoutes(context, settings.extensionTimeout());
        registry.bind(TeamRoutes.BEAN, teamRoutes);
        context.addStartupListener((started, alreadyStarted) -> checkSubscribers(teamRoutes));
        // one encoder per large result in flight, so bounded by the database threads
        ExecutorService rowEncoders = context.getExecutorServiceManager().newCachedThreadPool(this, "row-encoder");
        RunReporter reporter = new RunReporter(settings.outputDir(), settings.reportPermissions(), settings.rowsFormat());
        reporter.spools().removeStale();
        ProgressPublisher progress = new ProgressPublisher(context, teamRoutes::publishProgress);
        ErrorMessages errors = ErrorMessages.scrubbing(config);
        registry.bind(RunSteps.BEAN, new RunSteps(config, settings, runs, reporter, role, Clock.systemDefaultZone()));
        registry.bind(DatabaseSteps.BEAN, new DatabaseSteps(dataSources, pools, progress, errors));
        registry.bind(QuerySteps.BEAN, new QuerySteps(dataSources, progress, errors));
        registry.bind(QueryResults.BEAN, new QueryResults(settings, dataSources, reporter, new RowSpool(rowEncoders),
                progress));
    }

    /** Service mode with monitor.http.port: the beans the HTTP routes name, then the server's own set-up. */
    private static void bindHttpBeans(CamelContext context, MonitorSettings settings, DatabasesConfig config,
                                      DataSourceFactory dataSources, AnalysisRuns runs, RunRequestReader requests,
                                      ClusterRole role) throws Exception {
        Registry registry = context.getRegistry();
        Clock clock = Clock.systemUTC();
        LiveStatus live = new LiveStatus(runs, settings.schedule(), role, clock, settings.outputDir());
        runs.addListener(live);
        registry.bind(LiveStatus.BEAN, live);
        registry.bind(ApiRequests.BEAN, new ApiRequests(runs, requests, role));
        RunHistory history = new RunHistory(settings.outputDir());
        registry.bind(RunHistory.BEAN, history);
        HttpServerSetup.install(context, settings, config, dataSources, runs, history, clock);
    }

    /** Values the YAML routes need, derived from the settings: trigger routes start only in service mode. */
    static Map<String, String> triggerProperties(MonitorSettings settings) {
        boolean service = settings.mode() == RunMode.SERVICE;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("monitor.trigger.schedule-enabled", Boolean.toString(service && settings.schedule() != null));
        // alone, a trigger's endpoint is used as it is; ClusterActivation makes it master:<namespace>:<endpoint>
        properties.put(ClusterActivation.LEADER_PREFIX, "");
        properties.put("monitor.trigger.schedule-uri", settings.schedule() != null
                ? settings.schedule().endpointUri() : "timer:monitor-schedule-unused");
        properties.put("monitor.trigger.run-at-start", Boolean.toString(service && settings.scheduleAtStart()));
        properties.put("monitor.trigger.inbox-enabled", Boolean.toString(service && settings.inboxDir() != null));
        properties.put("monitor.trigger.inbox-dir", settings.inboxDir() != null
                ? settings.inboxDir().toAbsolutePath().toString() : "inbox-unused");
        properties.put("monitor.trigger.inbox-read-lock-interval",
                Long.toString(settings.inboxReadLockInterval().toMillis()));
        return properties;
    }

    /**
     * Every problem at once: the team route files' found before, the settings' own, and those of
     * databases.yaml, when its name is known.
     */
    private static MonitorSettings readTogetherWithDatabasesFile(MonitorSettingsReader reader, List<String> earlier) {
        try {
            return reader.read();
        } catch (InvalidConfigurationException settingsProblems) {
            List<String> problems = new ArrayList<>(earlier);
            problems.addAll(settingsProblems.problems());
            reader.databasesFile().ifPresent(file -> {
                try {
                    new DatabasesFileLoader().load(file);
                } catch (InvalidConfigurationException databasesProblems) {
                    problems.addAll(databasesProblems.problems());
                }
            });
            throw new InvalidConfigurationException(problems);
        }
    }

    private static DatabasesConfig loadTogetherWith(List<String> earlier, Path databasesFile) {
        List<String> problems = new ArrayList<>(earlier);
        try {
            DatabasesConfig config = new DatabasesFileLoader().load(databasesFile);
            if (problems.isEmpty()) {
                return config;
            }
        } catch (InvalidConfigurationException databasesProblems) {
            problems.addAll(databasesProblems.problems());
        }
        throw new InvalidConfigurationException(problems);
    }

    /**
     * The Kerberos files the JDK would read that databases.yaml does not name (the JDK's krb5.conf, the
     * ticket cache KRB5CCNAME names): a FIFO there would hang the first logon, so it is exit 2 now.
     */
    private static void refuseUnusableKerberosFiles(DatabasesConfig config, KerberosSettings kerberos) {
        List<String> problems = config.databases().stream().filter(database -> database.auth() == AuthMode.KERBEROS)
                .flatMap(database -> kerberos.startupProblems(database).stream()
                        .map(problem -> "database '" + database.name() + "': " + problem))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    static void warnAboutServiceOnlySettings(MonitorSettings settings) {
        if (settings.mode() != RunMode.ONCE) {
            return;
        }
        List<String> ignored = new ArrayList<>();
        if (settings.schedule() != null) {
            ignored.add("monitor.schedule");
        }
        if (settings.inboxDir() != null) {
            ignored.add("monitor.inbox-dir");
        }
        if (settings.scheduleAtStart()) {
            ignored.add("monitor.schedule-at-start");
        }
        if (settings.keepReports() != null) {
            ignored.add("monitor.keep-reports");
        }
        if (!ignored.isEmpty()) {
            LOG.warn("{} ignored: they apply only to monitor.mode=service, and monitor.mode is once (one run, then exit)",
                    String.join(", ", ignored));
        }
    }

    /**
     * Made once up front: the request and cancel consumers both move files into .done, and two of
     * them creating it at the same moment made Camel fail a move, so a request ran twice. A folder
     * that is a link stops the service here rather than being written through.
     */
    private static void createInboxFolders(MonitorSettings settings) throws IOException {
        List<String> problems = InboxRequests.folderProblems(settings.inboxDir());
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        for (InboxFolder folder : InboxFolder.values()) {
            Folder.open(folder.in(settings.inboxDir()), settings.reportPermissions());
        }
    }

    private static void checkSubscribers(TeamRoutes teamRoutes) {
        List<String> problems = teamRoutes.inconsistentSubscribers();
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    private static void addNotifierBeans(CamelContext context) throws Exception {
        ManagementStrategy management = context.getManagementStrategy();
        for (EventNotifier notifier : context.getRegistry().findByType(EventNotifier.class)) {
            if (!management.getEventNotifiers().contains(notifier)) {
                management.addEventNotifier(notifier);
                ServiceHelper.startService(notifier);
            }
        }
    }
}
