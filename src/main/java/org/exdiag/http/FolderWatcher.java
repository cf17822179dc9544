package org.exdiag.http;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the rules when a file in the rules or knowledge-base folder changes (--watch). Changes are
 * gathered for a short quiet period first, so that an editor saving several files reloads once.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);
    private static final long QUIET_MILLIS = 300;

    private final WatchService watcher;
    private final Thread thread;

    public FolderWatcher(List<Path> folders, Runnable reload) throws IOException {
        this.watcher = FileSystems.getDefault().newWatchService();
        for (Path folder : folders) {
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        this.thread = new Thread(() -> loop(reload), "exdiag-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Runnable reload) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                key.reset();
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                reload.run();
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            // stopped
        } catch (RuntimeException e) {
            LOG.error("folder watcher stopped", e);
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
