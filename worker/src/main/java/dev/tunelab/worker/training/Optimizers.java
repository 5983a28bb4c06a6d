package dev.tunelab.worker.training;

import dev.tunelab.core.template.ModelSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * Keras optimizers and learning-rate schedules as DL4J updaters. Only DL4J's own updater and
 * schedule classes are used, so a saved model restores with DL4J alone.
 *
 * <p>Keras's epsilon (1e-7) and RMSprop's rho (0.9) are set explicitly, since DL4J's defaults
 * differ (1e-8; 0.95). Approximations: Keras's SGD with momentum but {@code nesterov=false} is
 * classical momentum, which DL4J lacks; it becomes DL4J's Nesterov momentum with the same
 * coefficient (same fixed point, slightly more look-ahead). Keras's Adagrad starts its accumulator
 * at 0.1, DL4J's at 0 (epsilon keeps the first step finite). Keras's Nadam uses Dozat's momentum
 * schedule, DL4J's Nadam a constant beta1. {@code adamw} is Adam plus decoupled weight decay (see
 * {@link #weightDecay}).
 *
 * <p>Schedules are per epoch ({@link ScheduleType#EPOCH}; the trainer advances the epoch count):
 * step is DL4J's {@link StepSchedule}, exponential its {@link ExponentialSchedule} with gamma =
 * decay_rate^(1/decay_steps), cosine a {@link MapSchedule} listing each epoch's rate up to
 * decay_steps (later epochs keep the last entry, rate × alpha).
 */
final class Optimizers {

    private Optimizers() {}

    static IUpdater updater(ModelSpec spec) {
        ISchedule schedule = schedule(spec.schedule(), spec.learningRate());
        double lr = spec.learningRate();
        String name = spec.optimizer().toLowerCase(Locale.ROOT);
        switch (name) {
            case "adam", "adamw":
                Adam.Builder adam = Adam.builder().epsilon(1e-7);
                return (schedule == null ? adam.learningRate(lr) : adam.learningRateSchedule(schedule)).build();
            case "sgd":
                double momentum = number(spec.optimizerArgs(), "momentum", 0);
                if (momentum == 0) {
                    Sgd.Builder sgd = Sgd.builder();
                    return (schedule == null ? sgd.learningRate(lr) : sgd.learningRateSchedule(schedule)).build();
                }
                Nesterovs.Builder nesterov = Nesterovs.builder().momentum(momentum);
                return (schedule == null ? nesterov.learningRate(lr) : nesterov.learningRateSchedule(schedule)).build();
            case "rmsprop":
                RmsProp.Builder rms = RmsProp.builder().rmsDecay(0.9).epsilon(1e-7);
                return (schedule == null ? rms.learningRate(lr) : rms.learningRateSchedule(schedule)).build();
            case "adagrad":
                AdaGrad.Builder ada = AdaGrad.builder().epsilon(1e-7);
                return (schedule == null ? ada.learningRate(lr) : ada.learningRateSchedule(schedule)).build();
            case "nadam":
                Nadam.Builder nadam = Nadam.builder().epsilon(1e-7);
                return (schedule == null ? nadam.learningRate(lr) : nadam.learningRateSchedule(schedule)).build();
            default:
                throw new IllegalArgumentException("unknown optimizer '" + spec.optimizer() + "'");
        }
    }

    /**
     * AdamW's decoupled weight decay, or 0. Applied as DL4J's {@code WeightDecay} with the current
     * learning rate (w -= lr × decay × w, Keras's AdamW rule) to weights and biases alike, as Keras
     * decays every trainable variable unless told otherwise.
     */
    static double weightDecay(ModelSpec spec) {
        if (!spec.optimizer().equalsIgnoreCase("adamw")) return 0;
        return number(spec.optimizerArgs(), "weight_decay", 0.004);
    }

    /** The per-epoch schedule, or null for a constant rate. */
    static ISchedule schedule(ModelSpec.Schedule s, double rate) {
        if (s == null) return null;
        int steps = Math.max(1, s.decaySteps());
        return switch (s.type().toLowerCase(Locale.ROOT)) {
            case "step" -> new StepSchedule(ScheduleType.EPOCH, rate, s.decayRate(), steps);
            case "exponential" ->
                new ExponentialSchedule(ScheduleType.EPOCH, rate, Math.pow(s.decayRate(), 1.0 / steps));
            case "cosine" -> {
                Map<Integer, Double> values = new LinkedHashMap<>();
                for (int epoch = 0; epoch <= steps; epoch++) {
                    double cosine = 0.5 * (1 + Math.cos(Math.PI * epoch / steps));
                    values.put(epoch, rate * ((1 - s.alpha()) * cosine + s.alpha()));
                }
                yield new MapSchedule(ScheduleType.EPOCH, values);
            }
            default -> throw new IllegalArgumentException("unknown learning_rate_schedule '" + s.type() + "'");
        };
    }

    private static double number(Map<String, Object> args, String key, double fallback) {
        Object v = args.get(key);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }
}
