package org.transferlab.plugins.models;

/**
 * Options of {@code alexnet} and {@code resnet}.
 *
 * @param init  how the convolution and dense layers start: {@code he-normal} (default) or {@code pytorch}
 */
public record ConvNetOptions(WeightInit init) {

    public static final ConvNetOptions DEFAULTS = new ConvNetOptions(null);

    public WeightInit initOrDefault() {
        return init == null ? WeightInit.HE_NORMAL : init;
    }
}
