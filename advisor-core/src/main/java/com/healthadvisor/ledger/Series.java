package com.healthadvisor.ledger;

import java.util.Arrays;

/**
 * The rows of one customer (in one combination of breakdown values), appended as they stream in:
 * month, MRR, users, the exchange rates' part and the line each came from.
 */
final class Series {

    private int size;
    private int[] months = new int[4];
    private double[] mrr = new double[4];
    private int[] users = new int[4];
    private double[] fx = new double[4];
    private int[] lines = new int[4];

    void add(int month, double value, int userCount, double exchange, int line) {
        if (size == months.length) {
            months = Arrays.copyOf(months, size * 2);
            mrr = Arrays.copyOf(mrr, size * 2);
            users = Arrays.copyOf(users, size * 2);
            fx = Arrays.copyOf(fx, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        months[size] = month;
        mrr[size] = value;
        users[size] = userCount;
        fx[size] = exchange;
        lines[size] = line;
        size++;
    }

    int size() {
        return size;
    }

    int month(int i) {
        return months[i];
    }

    double mrr(int i) {
        return mrr[i];
    }

    int users(int i) {
        return users[i];
    }

    double fx(int i) {
        return fx[i];
    }

    int line(int i) {
        return lines[i];
    }
}
