/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import com.google.common.util.concurrent.SettableFuture;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One switch's connection through the gate: it opens a connection to the OpenFlowPlugin for the switch and relays
 * both ways. Until the switch's FEATURES_REPLY it reads whole OpenFlow messages, to find that reply and judge the
 * claim in it before the plugin sees it; a refused switch is disconnected there, so the plugin never learns of it
 * and the chassis' own session is untouched. After the verdict it relays bytes as they come, following the
 * switch's message boundaries as they pass ({@link OpenflowStreamScanner}) so that the packet-ins the gate's
 * consumers take are copied out on the way ({@link PacketInTaps}).
 *
 * <p>The gate also writes messages of liveflow's own on the connection ({@link SwitchWriters}), between two of the
 * plugin's messages ({@link PluginStreamSplicer}), while the switch's last ROLE_REPLY said the plugin is its
 * master; the switch's replies to them are read on the way too ({@link OwnWrites}) and kept from the plugin
 * ({@link OwnWrites#answer}).
 */
final class SwitchConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchConnection.class);
    private static final int ROLE_REPLY = 25;
    private static final long ROLE_MASTER = 2;

    private final long id;
    private final SwitchGate gate;
    private Channel upstream;
    // the switch's bytes until its FEATURES_REPLY is judged (a heap buffer: no pool to return it to if it leaks)
    private ByteBuf pending = Unpooled.buffer(256);
    private boolean admitted;
    private long claimedDatapathId;
    private boolean claimed;
    private final OpenflowStreamScanner switchMessages = new OpenflowStreamScanner();
    /** Whether the switch's stream has been OpenFlow so far (a malformed message is reported once). */
    private boolean openflowSoFar = true;
    // made once, not per chunk: the scan runs on every read of every switch
    private final OpenflowStreamScanner.Copies copies = new OpenflowStreamScanner.Copies() {
        @Override
        public boolean wants(final int version, final int type, final long xid) {
            return version == OpenflowStreamScanner.OPENFLOW_13
                && (type == OpenflowStreamScanner.PACKET_IN && gate.packetIns().any() || type == ROLE_REPLY
                    || (type == OwnWrites.ERROR || type == OwnWrites.BARRIER_REPLY) && OwnWrites.ours(xid));
        }

        @Override
        public void accept(final ByteBuf message) {
            switch (message.getUnsignedByte(1)) {
                case OpenflowStreamScanner.PACKET_IN -> gate.packetIns().offer(claimedDatapathId, message);
                case ROLE_REPLY -> roleReplied(message);
                default -> {
                    if (ownWrites.reply(message)) {
                        demoted();
                    }
                }
            }
        }
    };
    private final PluginStreamSplicer pluginMessages = new PluginStreamSplicer();
    // the gate's range is its own only while the plugin has used none of it
    private final OpenflowStreamScanner.Withheld gateReplies = (version, type, xid) -> pluginMessages.open()
        && OwnWrites.answer(version, type, xid);
    private final Consumer<ByteBuf> toUpstream = bytes -> upstream.write(bytes);
    private final OwnWrites ownWrites = new OwnWrites();
    private Channel switchChannel;
    private final Consumer<ByteBuf> toSwitch = bytes -> switchChannel.write(bytes);
    /** Whether the switch's last ROLE_REPLY said the plugin is its master on this connection. */
    private boolean master;

    SwitchConnection(final long id, final SwitchGate gate) {
        this.id = id;
        this.gate = gate;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) {
        switchChannel = ctx.channel();
        final SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        if (ssl == null) {
            connectToPlugin(ctx);
            return;
        }
        // over TLS the plugin hears of the switch only once it has proved it holds a certificate of the CA; reads
        // are off until the plugin's side is connected, so the handshake's first read is asked for here (the TLS
        // handler asks for the next ones itself until the handshake is done)
        ssl.handshakeFuture().addListener(handshake -> {
            if (handshake.isSuccess()) {
                connectToPlugin(ctx);
            } else {
                LOG.info("Switch gate: TLS handshake with {} failed: {}", ctx.channel().remoteAddress(),
                    handshake.cause().getMessage());
                ctx.close();
            }
        });
        ctx.read();
    }

    private void connectToPlugin(final ChannelHandlerContext ctx) {
        new Bootstrap().group(switchChannel.eventLoop()).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new PluginConnection())
            .connect(gate.upstreamAddress(), gate.upstreamPort())
            .addListener((ChannelFutureListener) future -> {
                if (future.isSuccess() && !switchChannel.isActive()) {
                    // the switch left while the plugin's side was connecting
                    future.channel().close();
                } else if (future.isSuccess()) {
                    upstream = future.channel();
                    // what the switch sent meanwhile (its first TLS records can carry its HELLO)
                    judgeAndRelayPending(ctx);
                    switchChannel.config().setAutoRead(true);
                } else {
                    // the plugin not listening yet (a boot) is expected: no stack trace, the switch retries
                    LOG.warn("Switch gate: the OpenFlowPlugin's listener {} refused the connection of {} ({})",
                        gate.upstreamAddress() + ":" + gate.upstreamPort(), switchChannel.remoteAddress(),
                        String.valueOf(future.cause()));
                    switchChannel.close();
                }
            });
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
        final ByteBuf bytes = (ByteBuf) msg;
        if (admitted) {
            relay(ctx, bytes);
            return;
        }
        pending.writeBytes(bytes);
        bytes.release();
        if (upstream != null) {
            judgeAndRelayPending(ctx);
        }
    }

    // relays the whole messages read so far, judging the FEATURES_REPLY among them
    private void judgeAndRelayPending(final ChannelHandlerContext ctx) {
        if (admitted || pending == null) {
            return;
        }
        while (pending.readableBytes() >= FeaturesReply.HEADER_LENGTH) {
            final int length = pending.getUnsignedShort(pending.readerIndex() + 2);
            if (length < FeaturesReply.HEADER_LENGTH) {
                LOG.warn("Switch gate: {} sent a malformed OpenFlow message (length {}); disconnected",
                    ctx.channel().remoteAddress(), length);
                ctx.close();
                return;
            }
            if (pending.readableBytes() < length) {
                break;
            }
            // a copy, not a slice: pending's bytes move when it discards what was read
            final ByteBuf message = pending.readBytes(length);
            final Optional<FeaturesReply> reply = FeaturesReply.of(message.nioBuffer());
            if (reply.isPresent()) {
                final Optional<String> refusal = judge(ctx, reply.orElseThrow());
                if (refusal.isPresent()) {
                    message.release();
                    refuse(ctx, reply.orElseThrow(), refusal.orElseThrow());
                    return;
                }
                admitted = true;
                upstream.write(message);
                if (pending.isReadable()) {
                    // the first bytes after the FEATURES_REPLY: the scanner starts at a message boundary
                    final ByteBuf rest = pending.readBytes(pending.readableBytes());
                    passOn(rest);
                }
                upstream.flush();
                pending.release();
                pending = null;
                return;
            }
            upstream.write(message);
        }
        upstream.flush();
        pending.discardSomeReadBytes();
    }

    private void relay(final ChannelHandlerContext ctx, final ByteBuf bytes) {
        passOn(bytes);
        upstream.flush();
        if (!upstream.isWritable()) {
            // the plugin reads slower than the switch sends: stop reading the switch until it catches up
            ctx.channel().config().setAutoRead(false);
        }
    }

    // passes the switch's bytes on to the plugin, copying out what the gate takes and keeping back its own replies
    private void passOn(final ByteBuf bytes) {
        if (!switchMessages.relay(bytes, copies, gateReplies, toUpstream) && openflowSoFar) {
            openflowSoFar = false;
            LOG.warn("Switch gate: datapath id {} sent a malformed OpenFlow message; its packet-ins reach liveflow "
                + "through the OpenFlowPlugin only", Long.toUnsignedString(claimedDatapathId));
        }
    }

    // the plugin asks for the master role once it owns the switch (and for slave when another member does)
    private void roleReplied(final ByteBuf message) {
        if (message.readableBytes() < 12) {
            return;
        }
        final boolean nowMaster = message.getUnsignedInt(8) == ROLE_MASTER && pluginMessages.open();
        if (nowMaster == master) {
            return;
        }
        master = nowMaster;
        if (master) {
            gate.writers().master(claimedDatapathId, this);
            LOG.info("Switch gate: the OpenFlowPlugin is master of datapath id {}; liveflow writes through the gate",
                Long.toUnsignedString(claimedDatapathId));
        } else {
            gate.writers().notMaster(claimedDatapathId, this);
            LOG.info("Switch gate: the OpenFlowPlugin is not master of datapath id {}",
                Long.toUnsignedString(claimedDatapathId));
        }
    }

    // the switch refused a write of the gate's as not from its master: another member took the role meanwhile
    private void demoted() {
        if (master) {
            master = false;
            gate.writers().notMaster(claimedDatapathId, this);
            LOG.info("Switch gate: datapath id {} says the OpenFlowPlugin is no longer its master",
                Long.toUnsignedString(claimedDatapathId));
        }
    }

    /** The network thread this connection's reads and writes run on. */
    EventLoop eventLoop() {
        return switchChannel.eventLoop();
    }

    /**
     * Writes liveflow's messages on this connection ({@link SwitchWriters#write}); to be run on its network thread
     * ({@link #eventLoop}). Writes without flushing: {@code done} ends once the switch has answered, and the caller
     * flushes every connection it wrote to.
     */
    void writeOwn(final List<byte[]> messages, final SettableFuture<SwitchWriters.Receipt> done,
            final Duration timeout) {
        if (!master || !switchChannel.isActive()) {
            done.setException(new SwitchWriters.NotWritten("no longer master on the connection"));
            return;
        }
        final var started = ownWrites.start(messages, done);
        if (!pluginMessages.inject(started.getValue(), toSwitch)) {
            ownWrites.failed(started.getKey(), new SwitchWriters.NotWritten(
                "the gate may no longer write on the connection"));
            return;
        }
        switchChannel.eventLoop().schedule(() -> ownWrites.failed(started.getKey(), new TimeoutException(
            "no barrier reply in " + timeout.toMillis() + " ms")), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Flushes what {@link #writeOwn} wrote; on the connection's network thread. */
    void flush() {
        switchChannel.flush();
    }

    private Optional<String> judge(final ChannelHandlerContext ctx, final FeaturesReply reply) {
        final Optional<String> registered = gate.chassisWithDatapathId(reply.datapathId());
        final Optional<String> refusal = ClaimCheck.refusal(reply, certificateName(ctx), registered);
        if (refusal.isPresent()) {
            return refusal;
        }
        final Optional<SwitchClaims.Holder> holder = gate.claims().claim(reply.datapathId(), id,
            String.valueOf(ctx.channel().remoteAddress()), Instant.now());
        if (holder.isPresent()) {
            return Optional.of("datapath id " + reply.datapathIdText()
                + registered.map(name -> " (chassis '" + name + "')").orElse("") + " is held by the connection from "
                + holder.orElseThrow().remote() + " since " + holder.orElseThrow().since());
        }
        claimed = true;
        claimedDatapathId = reply.datapathId();
        LOG.info("Switch gate: {} is datapath id {}{}", ctx.channel().remoteAddress(), reply.datapathIdText(),
            registered.map(name -> " (chassis '" + name + "')").orElse(""));
        return Optional.empty();
    }

    private void refuse(final ChannelHandlerContext ctx, final FeaturesReply reply, final String reason) {
        final String remote = String.valueOf(ctx.channel().remoteAddress());
        LOG.warn("Switch gate: refused {}: {}", remote, reason);
        gate.refused().record(reply.datapathId(), remote, reason, Instant.now());
        ctx.close();
    }

    // the common name of the switch's certificate, when it connected over TLS
    private static Optional<String> certificateName(final ChannelHandlerContext ctx) {
        final SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        if (ssl == null) {
            return Optional.empty();
        }
        try {
            final Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
                return Optional.empty();
            }
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
            return Optional.empty();
        } catch (SSLPeerUnverifiedException | InvalidNameException e) {
            LOG.debug("Switch gate: no certificate name for {}", ctx.channel().remoteAddress(), e);
            return Optional.empty();
        }
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx) {
        if (upstream != null && ctx.channel().isWritable()) {
            upstream.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) {
        if (claimed) {
            gate.claims().release(claimedDatapathId, id);
            gate.writers().notMaster(claimedDatapathId, this);
        }
        ownWrites.closed();
        pluginMessages.close();
        if (pending != null) {
            pending.release();
            pending = null;
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        LOG.debug("Switch gate: connection of {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    /**
     * The OpenFlowPlugin's side of one switch connection: what the plugin sends goes to the switch as it comes, with
     * the gate's own messages put in between two of the plugin's.
     */
    private final class PluginConnection extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
            pluginMessages.relay((ByteBuf) msg, toSwitch);
            switchChannel.flush();
            if (master && !pluginMessages.open()) {
                master = false;
                gate.writers().notMaster(claimedDatapathId, SwitchConnection.this);
                LOG.warn("Switch gate: liveflow no longer writes through the gate to datapath id {}: {}",
                    Long.toUnsignedString(claimedDatapathId), pluginMessages.pluginUsesGateXids()
                        ? "the OpenFlowPlugin's xids reached the gate's range" : "its stream is not OpenFlow");
            }
            if (!switchChannel.isWritable()) {
                // the switch reads slower than the plugin sends (a large programming): hold the plugin's side
                ctx.channel().config().setAutoRead(false);
            }
        }

        @Override
        public void channelWritabilityChanged(final ChannelHandlerContext ctx) {
            if (ctx.channel().isWritable()) {
                switchChannel.config().setAutoRead(true);
            }
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) {
            switchChannel.close();
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
            LOG.debug("Switch gate: the OpenFlowPlugin's side of {} failed", switchChannel.remoteAddress(), cause);
            ctx.close();
        }
    }
}
