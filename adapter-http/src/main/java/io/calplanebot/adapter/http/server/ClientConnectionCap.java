package io.calplanebot.adapter.http.server;

import org.eclipse.jetty.io.Connection;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perClient} open connections per client address: when a client opens one more, its oldest
 * connection is closed. So idle or slow connections of one client never keep others out (the new connection is
 * always served), and they cost a bounded number of sockets.
 */
public final class ClientConnectionCap implements Connection.Listener {
    private final int perClient;
    private final Map<InetAddress, Deque<Connection>> open = new HashMap<>();

    public ClientConnectionCap(int perClient) {
        if (perClient < 1) {
            throw new IllegalArgumentException("perClient must be at least 1");
        }
        this.perClient = perClient;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress client = client(connection);
        if (client == null) {
            return;
        }
        Connection oldest = null;
        synchronized (open) {
            Deque<Connection> connections = open.computeIfAbsent(client, c -> new ArrayDeque<>());
            connections.addLast(connection);
            if (connections.size() > perClient) {
                oldest = connections.pollFirst();
            }
        }
        if (oldest != null) {
            oldest.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress client = client(connection);
        if (client == null) {
            return;
        }
        synchronized (open) {
            Deque<Connection> connections = open.get(client);
            if (connections != null) {
                connections.remove(connection);
                if (connections.isEmpty()) {
                    open.remove(client);
                }
            }
        }
    }

    /** How many connections the client has open now. */
    public int openBy(InetAddress client) {
        synchronized (open) {
            Deque<Connection> connections = open.get(client);
            return connections == null ? 0 : connections.size();
        }
    }

    private static InetAddress client(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
