/**
 * Dense passage embeddings from a small model that runs in-process on the CPU (bge-small-en-v1.5,
 * quantised ONNX, shipped inside the jar: nothing downloads at run time), and their caches. The
 * only package that imports the embedding library.
 */
package uk.safeguarding.guidance.embed;
