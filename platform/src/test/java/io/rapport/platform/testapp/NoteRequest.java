package io.rapport.platform.testapp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record NoteRequest(@NotBlank @Size(max = 100) String title, @Size(max = 2000) String body) {
}
