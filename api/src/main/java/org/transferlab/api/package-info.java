/**
 * The transferlab plugin API: four service interfaces, found with {@link java.util.ServiceLoader}, and the records
 * that the kernel and the plugins exchange. Plugins depend on this module (and on TensorFlow Java) only.
 */
package org.transferlab.api;
