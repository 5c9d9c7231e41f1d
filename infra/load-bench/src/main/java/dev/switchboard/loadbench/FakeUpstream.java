package dev.switchboard.loadbench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

import java.net.InetSocketAddress;

/**
 * An OpenAI-compatible upstream with no model latency, on 127.0.0.1: POST .../chat/completions gets
 * a fixed chat.completion, or with "stream": true the same answer as server-sent events
 * ({@code --chunk-gap-ms} apart, so that the time to the first chunk differs from the total).
 * One Netty event loop: on a loopback it answers far faster than the gateway it stands behind.
 */
public final class FakeUpstream implements AutoCloseable {

    private final EventLoopGroup group;
    private final Channel channel;

    private FakeUpstream(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    public static FakeUpstream start(int port, int chunkGapMs) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        UpstreamHandler handler = new UpstreamHandler(chunkGapMs);
        Channel channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), handler);
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
        return new FakeUpstream(group, channel);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** {@code --port N} (0: any free one) and {@code --chunk-gap-ms N}; runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        BenchArguments arguments = BenchArguments.parse(args);
        FakeUpstream upstream = start(arguments.integer("port", 0), arguments.integer("chunk-gap-ms", 0));
        System.out.println("fake upstream listening on http://127.0.0.1:" + upstream.port());
        upstream.channel.closeFuture().sync();
    }
}
