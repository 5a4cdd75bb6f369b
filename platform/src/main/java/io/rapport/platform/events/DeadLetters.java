package io.rapport.platform.events;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.rapport.platform.outbox.KafkaPublisher;
import io.smallrye.mutiny.Uni;

/**
 * Moves a message that can never be processed to {@code <topic>.dlq}, unchanged (key, value, headers), with
 * why in {@code dead-letter-reason} and where it came from in {@code dead-letter-topic / -partition / -offset}.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String SUFFIX = ".dlq";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaPublisher publisher;

    public DeadLetters(KafkaPublisher publisher) {
        this.publisher = publisher;
    }

    public Uni<Void> send(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(record.topic() + SUFFIX, record.key(),
                record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        letter.headers().add("dead-letter-reason", utf8(reason))
                .add("dead-letter-topic", utf8(record.topic()))
                .add("dead-letter-partition", utf8(String.valueOf(record.partition())))
                .add("dead-letter-offset", utf8(String.valueOf(record.offset())));
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        return publisher.send(letter);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
