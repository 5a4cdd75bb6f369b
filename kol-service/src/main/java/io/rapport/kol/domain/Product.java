package io.rapport.kol.domain;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.rapport.platform.persistence.JsonConverter;

/** A product of the reference data, in one therapeutic area, approved in some markets (ISO countries). */
@Entity
@Table(name = "product")
public class Product {

    @Id
    private String code;
    private String name;
    @Column(name = "therapeutic_area")
    private String therapeuticArea;
    @Convert(converter = JsonConverter.StringList.class)
    @ColumnTransformer(read = "markets::text", write = "?::text::jsonb")
    private List<String> markets;
    private long version;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Product() {
    }

    public Product(String code, String name, String therapeuticArea, List<String> markets) {
        this.code = code;
        this.name = name;
        this.therapeuticArea = therapeuticArea;
        this.markets = List.copyOf(markets);
        this.version = 1;
        this.updatedAt = Instant.now();
    }

    /** False when nothing changes. */
    public boolean change(String newName, String newTherapeuticArea, List<String> newMarkets) {
        if (newName.equals(name) && newTherapeuticArea.equals(therapeuticArea) && newMarkets.equals(markets)) {
            return false;
        }
        name = newName;
        therapeuticArea = newTherapeuticArea;
        markets = List.copyOf(newMarkets);
        version++;
        updatedAt = Instant.now();
        return true;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String therapeuticArea() {
        return therapeuticArea;
    }

    public List<String> markets() {
        return markets;
    }

    public long version() {
        return version;
    }
}
