package io.touchpoint.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

final class Databases {

    private Databases() {
    }

    /** Creates a login role unless it exists; for local and test databases only. */
    static void createRoleIfMissing(DataSource admin, String role, String password) {
        requirePlain(role);
        requirePlain(password);
        try (Connection connection = admin.getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, role);
            if (exists.executeQuery().next()) {
                return;
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create role " + role, e);
        }
    }

    private static void requirePlain(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain identifier: " + name);
        }
    }

    /** Creates the database unless it exists; names are our own constants, checked to be plain identifiers. */
    static void createIfMissing(DataSource admin, String name) {
        requirePlain(name);
        try (Connection connection = admin.getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (exists.executeQuery().next()) {
                return;
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }
}
