/** Code generation from Allo models. */
package org.allo.codegen;
