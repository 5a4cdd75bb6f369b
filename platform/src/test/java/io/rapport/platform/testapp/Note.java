package io.rapport.platform.testapp;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    public String body;
    public String owner;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
}
