plugins {
    kotlin("jvm") version "1.9.23"
}

dependencies {
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-core:1.8.0")
    implementation(platform("org.springframework.boot:spring-boot-dependencies:3.2.4"))
    api(group = "io.ktor", name = "ktor-server-core", version = "2.3.9")
}
