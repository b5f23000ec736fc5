package com.example.monitor.steps;

import com.example.monitor.config.MonitorSettings;
import com.example.monitor.config.ResultsMode;
import com.example.monitor.config.RowsFormat;
import com.example.monitor.exchange.MonitorConstants;
import com.example.monitor.jdbc.DataSourceFactory;
import com.example.monitor.jdbc.ResultColumns;
import com.example.monitor.progress.ProgressEvent;
import com.example.monitor.progress.ProgressPublisher;
import com.example.monitor.report.ParquetRows;
import com.example.monitor.report.RowSpool;
import com.example.monitor.report.RowsFiles;
import com.example.monitor.report.RunReporter;
import com.example.monitor.rows.ColumnType;
import com.example.monitor.rows.ColumnarRows;
import com.example.monitor.rows.Row;
import com.example.monitor.run.AnalysisRun;
import com.example.monitor.run.QueryOutcome;
import java.nio.file.Path;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.camel.Exchange;

/**
 * Completes a query: reads the rows camel-sql returned into the report's spool (JSON) or the query's
 * Parquet file, and in memory mode keeps them for the routes too.
 */
public final class QueryResults {

    /** Its name in the registry: the run-query route's complete-query step. */
    public static final String BEAN = "queryResults";

    private final MonitorSettings settings;
    private final DataSourceFactory dataSources;
    private final RunReporter reporter;
    private final RowSpool rowSpool;
    private final ParquetRows parquetRows;
    private final ProgressPublisher progress;

    public QueryResults(MonitorSettings settings, DataSourceFactory dataSources, RunReporter reporter,
                        RowSpool rowSpool, ProgressPublisher progress) {
        this.settings = settings;
        this.dataSources = dataSources;
        this.reporter = reporter;
        this.rowSpool = rowSpool;
        this.progress = progress;
        // DuckDB itself loads at the first query whose rows go to Parquet, never in a JSON process
        this.parquetRows = new ParquetRows(rowSpool, settings.reportPermissions());
    }

    /**
     * Takes the open row iterator camel-sql left in the {@value MonitorConstants#ROWS_HEADER} header and
     * reads it to the end: rows are encoded into the query's spool for the report as they come, and in
     * memory mode also kept for the routes. The iterator is closed here, which frees the connection.
     */
    public void complete(Exchange exchange) throws Exception {
        Iterator<?> iterator = (Iterator<?>) exchange.getMessage().removeHeader(MonitorConstants.ROWS_HEADER);
        QueryStep step = Steps.queryStep(exchange);
        QueryOutcome outcome = Steps.queryOutcome(exchange);
        AnalysisRun run = Steps.run(exchange);
        // recorded when the result opened, so a result without rows has its types too
        List<ColumnType> types = ResultColumns.take();
        // memory mode holds the rows column by column: a few arrays, not millions of objects to collect
        ColumnarRows.Builder held = settings.results() == ResultsMode.MEMORY ? new ColumnarRows.Builder() : null;
        Consumer<Row> keep = held == null ? row -> { } : held::add;
        Path spool = null;
        Path rowsFile = null;
        RowSpool.Spooled spooled;
        try {
            if (settings.rowsFormat() == RowsFormat.PARQUET) {
                rowsFile = RowsFiles.of(settings.outputDir(), run.runId(), step.database().name(), outcome.name());
                spooled = parquetRows.write(iterator, types, reporter.spools().lockedFolder(run), rowsFile,
                        outcome.query().maxRows(), keep, stillWanted(run, step));
            } else {
                spool = reporter.spools().newFile(run);
                spooled = rowSpool.write(iterator, spool, outcome.query().maxRows(), keep, stillWanted(run, step));
            }
        } finally {
            if (iterator instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        if (types.size() != spooled.columns().size() && spooled.rowCount() > 0) {
            // no metadata was seen (a driver path the statement proxy missed): the rows still name their columns
            types = spooled.columns().stream().map(ColumnType::unknown).toList();
        }
        outcome.completed(types, held == null ? List.of() : held.build(), spool, rowsFile, spooled.rowCount(),
                spooled.truncated(), step.elapsedMs());
        progress.publish(ProgressEvent.completed(run.runId(), step.database().name(), outcome.name(),
                outcome.rowCount(), outcome.elapsedMs()));
    }

    /**
     * Stops reading a result once the run is cancelled or the query is past its timeout: the drivers'
     * own cancel and timeout cover the statement's execution, not the fetching of its rows.
     */
    private RowSpool.Checkpoint stillWanted(AnalysisRun run, QueryStep step) {
        Duration timeout = dataSources.queryTimeout(step.query());
        long deadline = step.startNanos() + timeout.toNanos();
        return () -> {
            if (run.isCancelled()) {
                throw new RunCancelledException();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new SQLTimeoutException("rows were still coming after the query timeout", "57014");
            }
        };
    }
}
