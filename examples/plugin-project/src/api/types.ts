/**
 * A Widget the app creates.
 * @crd
 * @group example.com
 * @version v1
 */
export interface Widget {
  spec: WidgetSpec;
}

export interface WidgetSpec {
  /** How big the widget is. @minimum 1 */
  size: number;
}
